/**
 * One patch layer on the stage: hidden layers are not drawn; opacity is the node's; a layer with a
 * layer mask draws its masked canvas (layer-display.ts), kept up to date tile by tile.
 */
import { Image as KonvaImage, Rect } from 'react-konva';
import { layerOpacity, layerVisible, type PatchLayer } from '../../../shared/document/schema';
import { getBitmap, getMask } from '../../blobs/blob-store';
import { maskedLayerCanvas } from './layer-display';

export function PatchNode({ layer }: { layer: PatchLayer }) {
  const bmp = getBitmap(layer.assetId);
  if (!bmp || !layerVisible(layer)) return null;
  const image = layer.maskId ? maskedLayerCanvas(layer.id, bmp, getMask(layer.maskId)) : bmp;
  return (
    <KonvaImage
      name={`patch-${layer.id}`}
      image={image}
      // Not a Konva attribute: a changed mask id makes react-konva redraw the same canvas object.
      maskId={layer.maskId ?? ''}
      x={layer.x}
      y={layer.y}
      width={layer.width}
      height={layer.height}
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
