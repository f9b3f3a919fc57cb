/** The repair board (filled in by the board work). `view` comes from the address: `#/board/<view>`. */
export function BoardPage(_props: { view?: string }) {
  return null;
}
