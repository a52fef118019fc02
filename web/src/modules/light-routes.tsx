import { hotlineLightRoutes } from './hotline/light-routes';

/**
 * Pages loaded with the entry itself, one line per module: only pages built without antd
 * (web/src/ui/lite), the first a citizen opens. Every other page is a module's route in
 * modules/index.ts and loads on demand.
 */
export const LIGHT_ROUTES = [...hotlineLightRoutes()];
