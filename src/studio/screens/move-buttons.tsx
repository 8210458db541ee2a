/** @jsxImportSource hono/jsx */
// The Move up / Move down buttons of an item in an ordered list (sections, an article's episodes): plain submit buttons, no script needed.

/**
 * Two submit buttons named `move` with `up:<id>` / `down:<id>` (see reorderedIds); the first item
 * cannot move up, the last not down. `name` is the item's accessible name.
 */
export function MoveButtons(props: { id: number; name: string; index: number; count: number }) {
  return (
    <>
      <button
        type="submit"
        class="small secondary"
        name="move"
        value={`up:${props.id}`}
        disabled={props.index === 0}
        aria-label={`Move up: ${props.name}`}
      >
        Move up
      </button>
      <button
        type="submit"
        class="small secondary"
        name="move"
        value={`down:${props.id}`}
        disabled={props.index === props.count - 1}
        aria-label={`Move down: ${props.name}`}
      >
        Move down
      </button>
    </>
  );
}
