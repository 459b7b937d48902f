/**
 * One instance per tool id; tools keep their gesture state between events. The selection tools change
 * nothing while candidates are staged (staged-guard.ts).
 */
import type { ToolId } from '../../commands/store/tools-slice';
import { createBrushTool } from './brush-tool';
import { createExtendTool } from './extend-tool';
import { createLassoTool } from './lasso-tool';
import { createRectTool } from './rect-tool';
import { createWandTool } from './wand-tool';
import { createObjectTool } from './object-tool';
import { createColorRangeTool } from './color-range-tool';
import type { Tool } from './tool-types';
import { guardWhileStaged } from './staged-guard';

const tools: Partial<Record<ToolId, Tool>> = {
  brush: createBrushTool(false),
  eraser: createBrushTool(true),
  rect: guardWhileStaged(createRectTool('rect')),
  ellipse: guardWhileStaged(createRectTool('ellipse')),
  wand: guardWhileStaged(createWandTool()),
  object: guardWhileStaged(createObjectTool()),
  colorRange: guardWhileStaged(createColorRangeTool()),
  lasso: guardWhileStaged(createLassoTool()),
  extend: createExtendTool(),
};

export function toolFor(id: ToolId): Tool | undefined {
  return tools[id];
}

export function activeGesture(): Tool | undefined {
  return Object.values(tools).find((t) => t && t.state() !== 'idle');
}
