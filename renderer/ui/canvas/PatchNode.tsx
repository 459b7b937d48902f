/**
 * One patch layer on the stage: hidden layers are not drawn; opacity is the node's; a layer with a
 * layer mask draws its masked canvas (layer-display.ts), kept up to date tile by tile.
 */
import { Image as KonvaImage, Rect } from 'react-konva';
import { layerOpacity, layerVisible, type PatchLayer } from '../../../shared/document/schema';
import { bitmapCrop, getMask, placeBitmap } from '../../commands/blob-store';
import { maskedLayerCanvas } from './layer-display';
import { createFullMask } from '../../../shared/mask';

/** Full-size sources of cropped patch bitmaps, for layer masks (which work in layer px): made once per bitmap. */
const fullSize = new WeakMap<ImageBitmap, HTMLCanvasElement>();

function uncropped(assetId: string, bmp: ImageBitmap): ImageBitmap | HTMLCanvasElement {
  const crop = bitmapCrop(assetId);
  if (!crop) return bmp;
  let c = fullSize.get(bmp);
  if (!c) {
    c = document.createElement('canvas');
    c.width = crop.fullWidth;
    c.height = crop.fullHeight;
    c.getContext('2d')!.drawImage(bmp, crop.x, crop.y);
    fullSize.set(bmp, c);
  }
  return c;
}

/**
 * `target`: the brush paints this layer's mask. Without a mask yet it is drawn through a masked
 * canvas with a full mask, so the first stroke shows live too.
 */
export function PatchNode({ layer, target = false }: { layer: PatchLayer; target?: boolean }) {
  // Patches are kept decoded only where they are not transparent: placeBitmap says where that part goes.
  const at = placeBitmap(layer.assetId, layer);
  if (!at || !layerVisible(layer)) return null;
  const mask = layer.maskId ? getMask(layer.maskId) : target ? createFullMask(layer.width, layer.height) : null;
  const masked = mask ? maskedLayerCanvas(layer.id, uncropped(layer.assetId, at.image), mask) : null;
  const box = masked ? { x: layer.x, y: layer.y, width: layer.width, height: layer.height } : at;
  return (
    <KonvaImage
      name={`patch-${layer.id}`}
      image={masked ?? at.image}
      // Not a Konva attribute: a changed mask id makes react-konva redraw the same canvas object.
      maskId={layer.maskId ?? ''}
      x={box.x}
      y={box.y}
      width={box.width}
      height={box.height}
      opacity={layerOpacity(layer)}
    />
  );
}

/** A dashed frame around the layer whose mask the brush and eraser paint. */
export function MaskTargetFrame({ layer, scale }: { layer: PatchLayer; scale: number }) {
  return (
    <Rect
      name="mask-target-frame"
      x={layer.x}
      y={layer.y}
      width={layer.width}
      height={layer.height}
      stroke="#2bb8ff"
      strokeWidth={2 / scale}
      dash={[8 / scale, 5 / scale]}
      listening={false}
    />
  );
}
