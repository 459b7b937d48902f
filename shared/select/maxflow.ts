/**
 * Minimum s-t cut by the Boykov–Kolmogorov augmenting-path algorithm (search trees grown from both
 * terminals and reused between augmentations), on typed arrays. Written for grid graphs of a few
 * hundred thousand nodes (the object-select engine); works for any graph.
 *
 * Arcs come in pairs: arc `a` and its reverse `a ^ 1`. A node's terminal capacity is kept as one
 * signed residual: > 0 = from the source, < 0 = to the sink (only the difference matters for the cut).
 */

const NONE = -1;
const TERMINAL = -2;
const ORPHAN = -3;

export class MaxFlowGraph {
  readonly nodeCount: number;
  private arcCount = 0;
  private head: Int32Array;
  private nextArc: Int32Array;
  private rcap: Float64Array;
  private first: Int32Array;
  private trCap: Float64Array;
  private parent: Int32Array;
  private isSink: Uint8Array;
  private ts: Int32Array;
  private dist: Int32Array;
  private nextActive: Int32Array;
  private flow = 0;

  /** @param maxEdges upper bound on `addEdge` calls (each makes two arcs) */
  constructor(nodeCount: number, maxEdges: number) {
    this.nodeCount = nodeCount;
    this.head = new Int32Array(2 * maxEdges);
    this.nextArc = new Int32Array(2 * maxEdges);
    this.rcap = new Float64Array(2 * maxEdges);
    this.first = new Int32Array(nodeCount).fill(NONE);
    this.trCap = new Float64Array(nodeCount);
    this.parent = new Int32Array(nodeCount);
    this.isSink = new Uint8Array(nodeCount);
    this.ts = new Int32Array(nodeCount);
    this.dist = new Int32Array(nodeCount);
    this.nextActive = new Int32Array(nodeCount);
  }

  /** Removes every edge and terminal capacity (the arrays are kept for the next graph of the same size). */
  reset(): void {
    this.arcCount = 0;
    this.flow = 0;
    this.first.fill(NONE);
    this.trCap.fill(0);
  }

  /** Capacities from the source and to the sink (added to any set before). */
  addTerminal(i: number, fromSource: number, toSink: number): void {
    const d = fromSource - toSink;
    this.flow += Math.min(fromSource, toSink);
    this.trCap[i] += d;
  }

  /** An edge i→j with capacity `cap` and j→i with `revCap`. */
  addEdge(i: number, j: number, cap: number, revCap: number): void {
    const a = this.arcCount;
    if (a + 2 > this.head.length) throw new RangeError('more edges than the graph was made for');
    this.arcCount += 2;
    this.head[a] = j;
    this.rcap[a] = cap;
    this.nextArc[a] = this.first[i];
    this.first[i] = a;
    this.head[a + 1] = i;
    this.rcap[a + 1] = revCap;
    this.nextArc[a + 1] = this.first[j];
    this.first[j] = a + 1;
  }

  /**
   * Runs the max flow; returns its value. `shouldStop` is polled now and then: returning true
   * throws (a cancelled selection).
   */
  maxflow(shouldStop?: () => boolean): number {
    const n = this.nodeCount;
    const { parent, isSink, trCap, ts, dist, nextActive, head, rcap, nextArc, first } = this;
    let qHead = NONE;
    let qTail = NONE;
    const setActive = (i: number) => {
      if (nextActive[i] !== NONE) return;
      if (qTail === NONE) qHead = i;
      else nextActive[qTail] = i;
      qTail = i;
      nextActive[i] = i;
    };
    const popActive = (): number => {
      for (;;) {
        const i = qHead;
        if (i === NONE) return NONE;
        const nx = nextActive[i];
        qHead = nx === i ? NONE : nx;
        if (qHead === NONE) qTail = NONE;
        nextActive[i] = NONE;
        if (parent[i] !== NONE) return i;
      }
    };
    nextActive.fill(NONE);
    // Orphans: a simple array used as a deque (front pushes go to a stack processed first).
    let orphanFront: number[] = [];
    let orphanRear: number[] = [];
    for (let i = 0; i < n; i++) {
      ts[i] = 0;
      if (trCap[i] > 0) {
        isSink[i] = 0;
        parent[i] = TERMINAL;
        dist[i] = 1;
        setActive(i);
      } else if (trCap[i] < 0) {
        isSink[i] = 1;
        parent[i] = TERMINAL;
        dist[i] = 1;
        setActive(i);
      } else parent[i] = NONE;
    }
    let time = 0;
    let current = NONE;
    let steps = 0;

    for (;;) {
      if ((++steps & 4095) === 0 && shouldStop?.()) throw new Error('cancelled');
      let i = current;
      if (i !== NONE && parent[i] === NONE) i = NONE;
      if (i === NONE) {
        i = popActive();
        if (i === NONE) break;
      }
      // Grow the tree of i until it touches the other tree.
      let middle = NONE;
      if (!isSink[i]) {
        for (let a = first[i]; a !== NONE; a = nextArc[a]) {
          if (rcap[a] === 0) continue;
          const j = head[a];
          if (parent[j] === NONE) {
            isSink[j] = 0;
            parent[j] = a ^ 1;
            ts[j] = ts[i];
            dist[j] = dist[i] + 1;
            setActive(j);
          } else if (isSink[j]) {
            middle = a;
            break;
          } else if (ts[j] <= ts[i] && dist[j] > dist[i]) {
            parent[j] = a ^ 1;
            ts[j] = ts[i];
            dist[j] = dist[i] + 1;
          }
        }
      } else {
        for (let a = first[i]; a !== NONE; a = nextArc[a]) {
          if (rcap[a ^ 1] === 0) continue;
          const j = head[a];
          if (parent[j] === NONE) {
            isSink[j] = 1;
            parent[j] = a ^ 1;
            ts[j] = ts[i];
            dist[j] = dist[i] + 1;
            setActive(j);
          } else if (!isSink[j]) {
            middle = a ^ 1;
            break;
          } else if (ts[j] <= ts[i] && dist[j] > dist[i]) {
            parent[j] = a ^ 1;
            ts[j] = ts[i];
            dist[j] = dist[i] + 1;
          }
        }
      }
      time++;
      if (middle === NONE) {
        current = NONE;
        continue;
      }
      // Keep growing from i after this augmentation.
      if (nextActive[i] === NONE) setActive(i);
      current = i;

      // Augment along source-tree path → middle → sink-tree path.
      let b = rcap[middle];
      let k = head[middle ^ 1];
      for (let a = parent[k]; a !== TERMINAL; a = parent[k]) {
        if (rcap[a ^ 1] < b) b = rcap[a ^ 1];
        k = head[a];
      }
      if (trCap[k] < b) b = trCap[k];
      k = head[middle];
      for (let a = parent[k]; a !== TERMINAL; a = parent[k]) {
        if (rcap[a] < b) b = rcap[a];
        k = head[a];
      }
      if (-trCap[k] < b) b = -trCap[k];

      rcap[middle ^ 1] += b;
      rcap[middle] -= b;
      k = head[middle ^ 1];
      for (let a = parent[k]; a !== TERMINAL; a = parent[k]) {
        rcap[a] += b;
        rcap[a ^ 1] -= b;
        if (rcap[a ^ 1] === 0) {
          parent[k] = ORPHAN;
          orphanFront.push(k);
        }
        k = head[a];
      }
      trCap[k] -= b;
      if (trCap[k] === 0) {
        parent[k] = ORPHAN;
        orphanFront.push(k);
      }
      k = head[middle];
      for (let a = parent[k]; a !== TERMINAL; a = parent[k]) {
        rcap[a ^ 1] += b;
        rcap[a] -= b;
        if (rcap[a] === 0) {
          parent[k] = ORPHAN;
          orphanFront.push(k);
        }
        k = head[a];
      }
      trCap[k] += b;
      if (trCap[k] === 0) {
        parent[k] = ORPHAN;
        orphanFront.push(k);
      }
      this.flow += b;

      // Adopt orphans.
      time++;
      for (;;) {
        let o: number;
        if (orphanFront.length) o = orphanFront.pop() as number;
        else if (orphanRear.length) {
          // Rear orphans are processed in FIFO order; swap the queue in as a stack reversed.
          orphanFront = orphanRear.reverse();
          orphanRear = [];
          continue;
        } else break;
        const sink = isSink[o];
        let dMin = Number.MAX_SAFE_INTEGER;
        let aMin = NONE;
        for (let a0 = first[o]; a0 !== NONE; a0 = nextArc[a0]) {
          if ((sink ? rcap[a0] : rcap[a0 ^ 1]) === 0) continue;
          let j = head[a0];
          if (isSink[j] !== sink || parent[j] === NONE) continue;
          // Does j reach a terminal (not through an orphan)? Count its distance.
          let d = 0;
          for (;;) {
            if (ts[j] === time) {
              d += dist[j];
              break;
            }
            const a = parent[j];
            d++;
            if (a === TERMINAL) {
              ts[j] = time;
              dist[j] = 1;
              break;
            }
            if (a === ORPHAN) {
              d = Number.MAX_SAFE_INTEGER;
              break;
            }
            j = head[a];
          }
          if (d < Number.MAX_SAFE_INTEGER) {
            if (d < dMin) {
              aMin = a0;
              dMin = d;
            }
            for (j = head[a0]; ts[j] !== time; j = head[parent[j]]) {
              ts[j] = time;
              dist[j] = d--;
            }
          }
        }
        parent[o] = aMin;
        if (aMin !== NONE) {
          ts[o] = time;
          dist[o] = dMin + 1;
        } else {
          // o leaves its tree: neighbours that could grow into it become active, its children orphans.
          for (let a0 = first[o]; a0 !== NONE; a0 = nextArc[a0]) {
            const j = head[a0];
            const pa = parent[j];
            if (isSink[j] !== sink || pa === NONE) continue;
            if ((sink ? rcap[a0] : rcap[a0 ^ 1]) !== 0) setActive(j);
            if (pa !== TERMINAL && pa !== ORPHAN && head[pa] === o) {
              parent[j] = ORPHAN;
              orphanRear.push(j);
            }
          }
          if (current === o) current = NONE;
        }
      }
    }
    return this.flow;
  }

  /** After `maxflow`: true when node i is on the source side of the minimum cut. */
  isSource(i: number): boolean {
    return !(this.parent[i] !== NONE && this.isSink[i]);
  }
}
