import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LIGHT_ROUTES } from './modules/light-routes';
import { LitePageLoading } from './ui/lite/page-loading';

// The citizen's first pages are in this entry and load nothing more; everything else (antd, the
// staff workbench, charts) arrives on demand, so a phone on a weak connection fetches little.
const FullApp = lazy(() => import('./full-app'));

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        {LIGHT_ROUTES}
        <Route
          path="*"
          element={
            <Suspense fallback={<LitePageLoading />}>
              <FullApp />
            </Suspense>
          }
        />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
