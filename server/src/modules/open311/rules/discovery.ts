import { OPEN311_TEXT } from '../open311.strings.js';
import { CONTENT_TYPES } from './render.js';

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/**
 * The service discovery document (wiki.open311.org/Service_Discovery): one GeoReport v2
 * endpoint at this server's own address. The demo county is a `test` endpoint: nothing sent to
 * it is acted upon.
 */
export function discoveryDocument(input: { endpointUrl: string; countyName: string; changeset: string; demo: boolean }) {
  return {
    changeset: input.changeset,
    contact: OPEN311_TEXT.contact(input.countyName),
    key_service: OPEN311_TEXT.keyService,
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url: input.endpointUrl,
        changeset: input.changeset,
        type: input.demo ? 'test' : 'production',
        formats: [CONTENT_TYPES.xml.split(';')[0]!, CONTENT_TYPES.json.split(';')[0]!],
      },
    ],
  };
}
