import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

// Vendor libraries get their own long-cached chunks and the app code is split per page (React.lazy).
// antd is cut in three so the login page never downloads the table, tree and date-picker code:
//   vendor-antd       what the entry needs (ConfigProvider, App, theme, CSS-in-JS)
//   vendor-antd-forms form controls, layout and feedback used by the login and layout
//   vendor-antd-data  tables, trees, selects, pickers (only the module pages load it)
const ANTD =
  /[\\/]node_modules[\\/](antd|@ant-design[\\/](?!icons)|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|classnames|@emotion|stylis)/;
const ANTD_DATA =
  /[\\/]node_modules[\\/](antd[\\/]es[\\/](table|tree|tree-select|date-picker|time-picker|calendar|select|auto-complete|pagination|descriptions|dropdown|checkbox|radio|modal|input-number|switch|empty|spin)[\\/]|@rc-component[\\/](table|tree|tree-select|picker|select|virtual-list|pagination|dropdown|checkbox|input-number|switch|dialog)[\\/]|dayjs[\\/])/;

const VENDOR_CHUNKS = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
  { name: 'vendor-query', test: /[\\/]node_modules[\\/]@tanstack[\\/]/, priority: 35 },
  { name: 'vendor-echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  { name: 'vendor-icons', test: /[\\/]node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 20 },
  { name: 'vendor-antd', test: ANTD, tags: ['$initial' as const], priority: 12 },
  { name: 'vendor-antd-forms', test: (id: string) => ANTD.test(id) && !ANTD_DATA.test(id), priority: 11 },
  { name: 'vendor-antd-data', test: ANTD, priority: 10 },
];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    // GUARDLINE_API_URL lets the dev server talk to an API on another port.
    proxy: { '/api': { target: process.env.GUARDLINE_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
    // The web code imports labels and contract types from ../common.
    fs: { allow: [path.resolve(webRoot, '..')] },
  },
  build: {
    outDir: process.env.GUARDLINE_WEB_DIST ?? path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: VENDOR_CHUNKS } },
    },
  },
});
