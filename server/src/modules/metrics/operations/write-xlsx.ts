// The writer is the platform's (every module's lists export with it); metrics' exports call it from here.
export { writeXlsx, xlsxStream, xlsxBuffer } from '../../../platform/xlsx.js';
