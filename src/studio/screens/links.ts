// Where the studio lives for the page being rendered (`<BASE_URL path>/studio`): every link and form action of a content screen starts there.
import { createContext, useContext } from 'hono/jsx';

/** Provided once per page by the route that renders it (see routes/studio/content/screen.tsx). */
export const StudioBase = createContext('/studio');

/** The studio's root path for this page, such as `/studio` or `/news/studio`. */
export const useStudioBase = (): string => useContext(StudioBase);
