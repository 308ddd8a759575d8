import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { onHostThemeChange, type Host, type HostTheme } from '../host/teams';

export type ThemeName = 'light' | 'dark' | 'contrast';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const CONTRAST_QUERY = '(forced-colors: active)';

/**
 * Inside Teams the host decides (and tells us when the user switches); in a browser we follow the
 * system's light/dark and high-contrast settings with the web themes.
 */
export function useAppTheme(host: Host | undefined): { theme: Theme; name: ThemeName } {
  const [hostTheme, setHostTheme] = useState<HostTheme | undefined>(undefined);
  const [systemTheme, setSystemTheme] = useState<ThemeName>(readSystemTheme);
  const inTeams = host?.kind === 'teams';

  useEffect(() => {
    if (!inTeams) return;
    setHostTheme(host.theme);
    onHostThemeChange(setHostTheme);
  }, [inTeams, host]);

  useEffect(() => {
    if (inTeams) return;
    const queries = [matchMedia(DARK_QUERY), matchMedia(CONTRAST_QUERY)];
    const handleChange = () => setSystemTheme(readSystemTheme());
    for (const query of queries) query.addEventListener('change', handleChange);
    return () => {
      for (const query of queries) query.removeEventListener('change', handleChange);
    };
  }, [inTeams]);

  if (inTeams) {
    const name: ThemeName = hostTheme === 'dark' ? 'dark' : hostTheme === 'contrast' ? 'contrast' : 'light';
    return {
      name,
      theme:
        name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme,
    };
  }
  return {
    name: systemTheme,
    theme:
      systemTheme === 'dark'
        ? webDarkTheme
        : systemTheme === 'contrast'
          ? teamsHighContrastTheme
          : webLightTheme,
  };
}

function readSystemTheme(): ThemeName {
  if (matchMedia(CONTRAST_QUERY).matches) return 'contrast';
  return matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}
