/**
 * One patch layer on the stage: hidden layers are not drawn; opacity is the node's (the one being
 * typed in the Layers panel while it is, store's `opacityPreview`); a layer with a
 * layer mask draws its masked canvas (layer-display.ts), kept up to date tile by tile.
 */
import { Image as KonvaImage, Rect } from 'react-konva';
import { layerOpacity, layerVisible, type PatchLayer } from '../../../shared/document/schema';
import { getMask, placeBitmap } from '../../commands/blob-store';
import { maskedLayerCanvas, uncropped } from './layer-display';
import { createFullMask } from '../../../shared/mask';
import { useEditor } from '../../commands/store/store';

/**
 * `target`: the brush paints this layer's mask. Without a mask yet it is drawn through a masked
 * canvas with a full mask, so the first stroke shows live too.
 * `need`: device pixels per layer pixel the view draws at (zoom × devicePixelRatio): zoomed out, a
 * reduced copy of the patch is drawn; zoomed in, the full resolution (decoded again if it was let go).
 */
export function PatchNode({ layer, target = false, need }: { layer: PatchLayer; target?: boolean; need: number }) {
  // The opacity being typed in the Layers panel shows at once, before it is applied.
  const preview = useEditor((s) => (s.opacityPreview?.layerId === layer.id ? s.opacityPreview.opacity : null));
  if (!layerVisible(layer)) return null;
  const wantMask = !!layer.maskId || target;
  // Patches are kept decoded only where they are not transparent: placeBitmap says where that part goes.
  const at = placeBitmap(layer.assetId, layer, wantMask ? undefined : need);
  if (!at) return null;
  // A layer mask works in layer pixels on the full resolution. Until that is back (it is on its way),
  // a layer with a mask waits; the mask target without one yet looks the same unmasked.
  const mask = at.reduced ? null : layer.maskId ? getMask(layer.maskId) : target ? createFullMask(layer.width, layer.height) : null;
  if (at.reduced && layer.maskId) return null;
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
      opacity={preview ?? layerOpacity(layer)}
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
