/** The demo county (临沂市兰山区) and the generator of its requests. */
export { seedDemo, seedDemoIfEmpty, DEMO_COUNTY, DEMO_PASSWORD, type DemoAccount } from './seed-demo.js';
export { generateRequestText, generateReplyText, generatePersonName, generatePhone, seededRng } from './request-text.js';
