import { Route } from 'react-router-dom';
import { SubmitPage } from '../citizen/pages/submit-page';
import { TrackPage } from '../citizen/pages/track-page';

/** The citizen's form and tracking page, in the entry: a citizen's phone fetches nothing else. */
export function hotlineLightRoutes() {
  return [
    <Route key="hotline-submit" path="/" element={<SubmitPage />} />,
    <Route key="hotline-track" path="/track/:code" element={<TrackPage />} />,
  ];
}
