import type { WebModule } from '../platform/web-module';
import { hotlineModule } from './hotline/module';
import { enforcementModule } from './enforcement/module';
import { knowledgeModule } from './knowledge/module';
import { litigationModule } from './litigation/module';
import { reconsiderationModule } from './reconsideration/module';

/** The modules whose pages this web app shows, one line each; the menu shows them in this order. */
export const WEB_MODULES: readonly WebModule[] = [
  hotlineModule,
  reconsiderationModule,
  litigationModule,
  knowledgeModule,
  enforcementModule,
];
