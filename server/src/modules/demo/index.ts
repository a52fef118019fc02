/** The demo county (临沂市兰山区) and the generator of its requests; a whole city at scale for benchmarks. */
export { seedDemo, seedDemoIfEmpty, initCountyOrganisation, DEMO_COUNTY, DEMO_PASSWORD, type DemoAccount } from './seed-demo.js';
export { DEMO_STREET_CASES } from './seed-street-cases.js';
export { generateRequestText, generateReplyText, generatePersonName, generatePhone, seededRng } from './request-text.js';
export { generateCity, CityGenerationRefused, PGLITE_MAX_REQUESTS, type GenerateCityOptions, type GenerateCityReport, type CityAccount } from './city/generate-city.js';
export { runDemoCommand } from './demo-cli.js';
