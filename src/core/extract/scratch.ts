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

type Typed = Int32Array | Uint8Array | Float64Array;
type Pool<T extends Typed> = { arrays: T[]; make: (n: number) => T };

const int32: Pool<Int32Array> = { arrays: new Array(SLOTS), make: (n) => new Int32Array(n) };
const uint8: Pool<Uint8Array> = { arrays: new Array(SLOTS), make: (n) => new Uint8Array(n) };
const float64: Pool<Float64Array> = { arrays: new Array(SLOTS), make: (n) => new Float64Array(n) };

const capacity = (n: number): number => Math.max(1024, 2 ** Math.ceil(Math.log2(n)));

/** The slot's array from the pool, grown to hold n, as a view of length n with every element `fill`. */
function borrow<T extends Typed>(pool: Pool<T>, slot: Slot, n: number, fill: number): T {
  let a = pool.arrays[slot];
  if (!a || a.length < n) a = pool.arrays[slot] = pool.make(capacity(n));
  const view = a.subarray(0, n) as T;
  view.fill(fill);
  return view;
}

/** An Int32Array of length n, every element `fill`. */
export const scratchInt32 = (slot: Slot, n: number, fill = 0): Int32Array => borrow(int32, slot, n, fill);

/** A Uint8Array of length n, all zero. */
export const scratchUint8 = (slot: Slot, n: number): Uint8Array => borrow(uint8, slot, n, 0);

/** A Float64Array of length n, all zero. */
export const scratchFloat64 = (slot: Slot, n: number): Float64Array => borrow(float64, slot, n, 0);
