import tailwindConfig from "../tailwind.config";

/** The interface's brand colour (tailwind.config.ts), for the browser's own chrome. */
export const THEME_COLOR: string = tailwindConfig.theme.extend.colors.brand[600];
