import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

/** [median, sigma of the log] of a log-normal delay in hours. */
export type Delay = [number, number];
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** data/city-mix.json: every share and weight of the generated city. */
export interface CityMix {
  volume: { weekday: number[]; holiday: number; month: number[]; yearlyGrowth: number; dailyNoise: number };
  hours: { weights: number[] };
  channels: { weights: Record<string, number>; recordedByStaff: string[] };
  requestTypes: { weights: Record<string, number>; answeredDirectly: Record<string, number> };
  urgent: { share: number };
  categories: { zipf: { s: number; q: number }; seasonal: Array<{ codes: string[]; from: string; to: string; factor: number }> };
  places: { townshipKinds: Record<string, number>; countyKinds: Record<string, number>; spread: number; withVillage: number };
  routing: { cityDepartment: number };
  requester: { named: number; phone: number; repeatCallers: number; repeatPoolPerRequests: number };
  lifecycle: {
    merge: number;
    mergeBySystem: number;
    return: number;
    returnBeforeSign: number;
    extension: number;
    extensionRejected: number;
    lateReplyAfterRejection: number;
    lateContact: number;
    lateReply: number;
    satisfaction: Record<Satisfaction, number>;
    satisfactionAfterRectification: Record<Satisfaction, number>;
    resolved: Record<Satisfaction, number>;
    rectificationLate: number;
    rectificationContact: number;
    citizenRates: number;
    reopen: number;
  };
  timing: {
    staffHours: [number, number];
    answerByPhone: Delay;
    answerOnline: Delay;
    classify: Delay;
    dispatch: Delay;
    merge: Delay;
    sign: Delay;
    contact: Delay;
    late: Delay;
    return: Delay;
    redispatch: Delay;
    /** Share of the handling limit (not hours): [median, sigma]. */
    extensionShare: Delay;
    approveExtension: Delay;
    replyShape: number;
    followUp: Delay;
    rectify: Delay;
    reopen: Delay;
  };
  staff: { operators: number; dispatchers: number };
}

/** data/city-texts.json: short templates with {leaf}, {place} and {duration}. */
export interface CityTexts {
  titles: Record<string, string[]>;
  contents: Record<string, string[]>;
  durations: string[];
  replies: string[];
  answers: string[];
  rectifications: string[];
  contactNotes: string[];
  returnReasons: string[];
  redispatchReasons: string[];
  extensionReasons: string[];
  extensionRejections: string[];
  reopenReasons: string[];
  comments: Record<Satisfaction, string[]>;
}

/** data/city-departments.json: the departments of the city and of its counties. */
export interface CityDepartmentsFile {
  center: { key: string; name: string; shortName: string };
  countyDepartments: { min: number; max: number };
  zoneDepartments: { min: number; max: number };
  departments: Array<{ key: string; county: string; countyShort: string; city?: string; cityShort?: string; core: boolean }>;
}

function read<T>(name: string): T {
  return JSON.parse(readFileSync(repoPath('server/src/modules/demo/data', name), 'utf8')) as T;
}

export const readCityMix = (): CityMix => read<CityMix>('city-mix.json');
export const readCityTexts = (): CityTexts => read<CityTexts>('city-texts.json');
export const readCityDepartments = (): CityDepartmentsFile => read<CityDepartmentsFile>('city-departments.json');
