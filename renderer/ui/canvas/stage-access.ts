/** Lets non-React code (test hooks, benchmarks) reach the Konva stage without putting it in the store. */
import type Konva from 'konva';

let getter: () => Konva.Stage | null = () => null;

export function registerStageAccess(get: () => Konva.Stage | null): () => void {
  getter = get;
  return () => {
    getter = () => null;
  };
}

export function getStage(): Konva.Stage | null {
  return getter();
}
