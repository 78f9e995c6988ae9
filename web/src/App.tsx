import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiError, setPasswordChangeRequiredHandler, setUnauthorizedHandler } from './api/client.ts';
import { ME_QUERY_KEY } from './api/auth.ts';
import { useI18n } from './i18n/useI18n.ts';
import { AppRoutes } from './AppRoutes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refused or invalid request will not succeed on retry; a dropped connection might.
      retry: (failureCount, error) => failureCount < 2 && (!(error instanceof ApiError) || error.status === 0),
    },
  },
});

// An expired session anywhere sends the user back to the login page via the route guard.
setUnauthorizedHandler(() => queryClient.setQueryData(ME_QUERY_KEY, null));
// The server refuses work until the initial password is changed: re-read me, the route guard opens the change page.
setPasswordChangeRequiredHandler(() => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }));

// Who asks the system for less motion (prefers-reduced-motion) gets dialogs, drawers and menus without animation.
const REDUCED_MOTION =
  typeof window.matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const THEME = { token: { borderRadius: 4, motion: !REDUCED_MOTION } };

export function App() {
  const { language, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
