import { webLightTheme, type Theme } from '@fluentui/react-components';
import { createContext, useContext } from 'react';
import type { ThemeName } from './use-app-theme';

// The resolved theme object, for the few places that need real colours rather than CSS variables
// (the sandboxed email frame cannot see the page's variables).
export const ActiveThemeContext = createContext<{ theme: Theme; name: ThemeName }>({
  theme: webLightTheme,
  name: 'light',
});

export const useActiveTheme = () => useContext(ActiveThemeContext);
