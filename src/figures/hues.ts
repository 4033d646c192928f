// An activation's colour is part of its identity: in every figure of a build it takes the same colour
// of the palette's series colours, its hue, set by the order in which the config first draws each
// activation (or by the config's `hues`). Within a figure no two series share a colour while the colours
// last: a series whose hue was taken (by an earlier series, or by the derivative's colour) takes the
// next free one.

/**
 * Each activation's hue: those of `first` at their places (null keeps a place free), then the others in
 * the order they are drawn.
 */
export function hueOrder(first: readonly (string | null)[], drawn: Iterable<string>): Map<string, number> {
  const order = new Map<string, number>();
  first.forEach((name, i) => {
    if (name !== null && !order.has(name)) order.set(name, i);
  });
  let next = first.length;
  for (const name of drawn) if (!order.has(name)) order.set(name, next++);
  return order;
}

/** `order` as a config's `hues`: each activation at its place, null where none is. */
export function huesList(order: ReadonlyMap<string, number>, keep: (name: string) => boolean): (string | null)[] {
  const list: (string | null)[] = [];
  for (const [name, i] of order) if (keep(name)) list[i] = name;
  return Array.from(list, (name) => name ?? null);
}

/**
 * The colour of each series (by its activation) from `colors`: its hue in the build (`hues`; without
 * them its place in the figure), else the next colour no series before it took and `reserved` does not
 * hold. Colours repeat only once every one is taken.
 */
export function hueColors(
  activations: readonly string[],
  hues: Readonly<Record<string, number>> | undefined,
  colors: readonly string[],
  reserved: readonly string[] = [],
): string[] {
  const n = colors.length;
  const taken = new Set(colors.flatMap((color, k) => (reserved.includes(color) ? [k] : [])));
  return activations.map((name, i) => {
    if (taken.size >= n) taken.clear();
    let k = (hues?.[name] ?? i) % n;
    while (taken.has(k)) k = (k + 1) % n;
    taken.add(k);
    return colors[k];
  });
}
