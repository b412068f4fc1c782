/**
 * Scratch arrays reused from one document to the next. A typed array of its own costs a backing
 * store outside the heap (about a microsecond to make, more to collect), and a document made a few
 * dozen of them. Each array here belongs to one place in the code, named by its slot, which
 * borrows it and is done with it before it returns (extraction is synchronous); the array is
 * handed out cleared, so the results are the same as with a new one. It grows to the largest
 * document seen and stays that size.
 */
export const Slot = {
  /** OverlapRemovalRefiner: the tokens taken by a kept candidate. */
  overlapUsed: 0,
  /** OverlapRemovalRefiner: the candidates' sort keys, then their order. */
  overlapOrder: 1,
  /** AttributionRefiner: the quotation ending at each token. */
  quoteAt: 2,
} as const;
type Slot = (typeof Slot)[keyof typeof Slot];
const SLOTS = 3;

const int32 = new Array<Int32Array>(SLOTS);
const uint8 = new Array<Uint8Array>(SLOTS);
const float64 = new Array<Float64Array>(SLOTS);

const capacity = (n: number): number => Math.max(1024, 2 ** Math.ceil(Math.log2(n)));

/** An Int32Array of length n, every element `fill`. */
export function scratchInt32(slot: Slot, n: number, fill = 0): Int32Array {
  let a = int32[slot];
  if (!a || a.length < n) a = int32[slot] = new Int32Array(capacity(n));
  const view = a.subarray(0, n);
  view.fill(fill);
  return view;
}

/** A Uint8Array of length n, all zero. */
export function scratchUint8(slot: Slot, n: number): Uint8Array {
  let a = uint8[slot];
  if (!a || a.length < n) a = uint8[slot] = new Uint8Array(capacity(n));
  const view = a.subarray(0, n);
  view.fill(0);
  return view;
}

/** A Float64Array of length n, all zero. */
export function scratchFloat64(slot: Slot, n: number): Float64Array {
  let a = float64[slot];
  if (!a || a.length < n) a = float64[slot] = new Float64Array(capacity(n));
  const view = a.subarray(0, n);
  view.fill(0);
  return view;
}
