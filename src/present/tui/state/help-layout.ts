/** How the help lays out `count` keys in a `height` x `width` box: columns when they all fit, else one scrolled column. */
export interface HelpLayout {
  /** Rows of keys per column. */
  perColumn: number;
  columns: number;
  /** The largest first row when one column is scrolled (0 when everything fits). */
  maxOffset: number;
}

/** Rows the help box spends on its border, title and footer lines. */
const CHROME_ROWS = 5;
/** No column narrower than a key plus a readable help text. */
const MIN_COLUMN = 44;

export function helpLayout(count: number, height: number, width: number): HelpLayout {
  const perColumn = Math.max(1, height - CHROME_ROWS);
  const fit = Math.max(1, Math.floor((width - 4) / MIN_COLUMN));
  const columns = Math.min(fit, Math.ceil(count / perColumn));
  if (columns * perColumn >= count) return { perColumn, columns, maxOffset: 0 };
  return { perColumn, columns: 1, maxOffset: count - perColumn };
}
