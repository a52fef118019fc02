import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { caseModule } from '../../platform/case-module';
import { LazyPage } from '../../platform/lazy-page';
import { answersSupervision, officerUnits, reviewsFiles, supervisesSubjects } from './roles';
import { enforcementStrings as s } from './strings';
import { supervisorStrings } from './social-supervisors-strings';

// Every page loads on demand; the public ones never pull the staff pages onto a phone.
const SubjectsPage = lazy(() => import('./pages/subjects-page').then((m) => ({ default: m.SubjectsPage })));
const OfficersPage = lazy(() => import('./pages/officers-page').then((m) => ({ default: m.OfficersPage })));
const ObjectsPage = lazy(() => import('./pages/objects-page').then((m) => ({ default: m.ObjectsPage })));
const ObjectPage = lazy(() => import('./pages/object-page').then((m) => ({ default: m.ObjectPage })));
const MattersPage = lazy(() => import('./pages/matters-page').then((m) => ({ default: m.MattersPage })));
const InspectionPlansPage = lazy(() => import('./pages/inspections-page').then((m) => ({ default: m.InspectionPlansPage })));
const InspectionPlanPage = lazy(() => import('./pages/inspections-page').then((m) => ({ default: m.InspectionPlanPage })));
const NewCluePage = lazy(() => import('./pages/new-clue-page').then((m) => ({ default: m.NewCluePage })));
const PublicDecisionsPage = lazy(() => import('./pages/public-decisions-page').then((m) => ({ default: m.PublicDecisionsPage })));
const PublicDecisionPage = lazy(() => import('./pages/public-decision-page').then((m) => ({ default: m.PublicDecisionPage })));
const OversightPage = lazy(() => import('./pages/oversight-page').then((m) => ({ default: m.OversightPage })));
const CaseTodoPage = lazy(() => import('../../platform/pages/case-todo-page').then((m) => ({ default: m.CaseTodoPage })));
const CaseSearchPage = lazy(() => import('../../platform/pages/case-search-page').then((m) => ({ default: m.CaseSearchPage })));
const CaseDetailPage = lazy(() => import('../../platform/pages/case-detail-page').then((m) => ({ default: m.CaseDetailPage })));

/** 执法监督意见, the module's second case type: its own to-do, list and detail under /staff/xzzf/supervision. */
const SUPERVISION = { caseType: 'xzzf_supervision', base: '/staff/xzzf/supervision' };
/** 案卷评查, the third: one case per file under review, for the experts and the 司法局. */
const FILE_REVIEW = { caseType: 'xzzf_file_review', base: '/staff/xzzf/file-reviews' };
/** 执法证到期提醒, the fourth: opened by the platform for each certificate near its end, in its subject's to-do. */
const CERTIFICATE_REMINDERS = { caseType: 'xzzf_certificate_expiry', base: '/staff/xzzf/certificate-reminders' };
const ReviewCampaignsPage = lazy(() => import('./pages/reviews-page').then((m) => ({ default: m.ReviewCampaignsPage })));
const ReviewCampaignPage = lazy(() => import('./pages/reviews-page').then((m) => ({ default: m.ReviewCampaignPage })));
const MyReviewFilesPage = lazy(() => import('./pages/reviews-page').then((m) => ({ default: m.MyReviewFilesPage })));
const PublicReviewsPage = lazy(() => import('./pages/public-reviews-page').then((m) => ({ default: m.PublicReviewsPage })));
const PublicInspectionsPage = lazy(() => import('./pages/public-inspections-page').then((m) => ({ default: m.PublicInspectionsPage })));
const PublicVerifyPage = lazy(() => import('./pages/public-verify-page').then((m) => ({ default: m.PublicVerifyPage })));

/** 社会监督员: the office's register, the public card check, the holder's page, and their observations as cases. */
const OBSERVATION = { caseType: 'xzzf_observation', base: '/staff/xzzf/observations' };
const SocialSupervisorsPage = lazy(() => import('./pages/social-supervisors-page').then((m) => ({ default: m.SocialSupervisorsPage })));
const PublicSupervisorCardPage = lazy(() => import('./pages/public-supervisor-card-page').then((m) => ({ default: m.PublicSupervisorCardPage })));
const SupervisorPortalPage = lazy(() => import('./pages/supervisor-portal-page').then((m) => ({ default: m.SupervisorPortalPage })));

const BASE = '/staff/xzzf';
const REGISTERS = [
  ['subjects', s.menu.subjects],
  ['officers', s.menu.officers],
  ['objects', s.menu.objects],
  ['matters', s.menu.matters],
  ['inspections', s.inspections.menu],
] as const;
const entry = (key: string, label: string) => ({ key: `${BASE}/${key}`, label: <span data-testid={`menu-xzzf-${key}`}>{label}</span> });

/**
 * 行政执法 (server module `xzzf`): 行政处罚 cases through the platform's generic pages (待办, 案件查询,
 * 统计) under /staff/xzzf, the clue form for officers, the registers every holder of a role reads
 * within their subtrees, 执法监督 and its opinions for the 司法局 and the subjects, 案卷评查 for the
 * 司法局 and its experts, and the public 公示 of decisions and of the 示范优案 and 典型差案.
 */
const penaltyModule = caseModule({
  module: 'xzzf',
  label: s.label,
  caseType: 'xzcf_case',
  segment: 'xzzf',
  menu: s.cases.menu,
  titles: s.cases.titles,
  extraMenu: (session) => [
    ...(officerUnits(session).length > 0 ? [entry('clue', s.cases.menu.clue)] : []),
    ...(supervisesSubjects(session) ? [entry('oversight', s.oversight.menu)] : []),
    ...(supervisesSubjects(session) || answersSupervision(session) ? [entry('supervision/todo', s.oversight.opinionsMenu)] : []),
    ...(supervisesSubjects(session) || answersSupervision(session) ? [entry('certificate-reminders/todo', s.oversight.certificateRemindersMenu)] : []),
    ...(supervisesSubjects(session) ? [entry('reviews', s.reviews.menu)] : []),
    ...(supervisesSubjects(session) ? [entry('social-supervisors', supervisorStrings.menu)] : []),
    ...(supervisesSubjects(session) || answersSupervision(session) ? [entry('observations/todo', supervisorStrings.observationsMenu)] : []),
    ...(reviewsFiles(session) ? [entry('file-reviews/mine', s.reviews.mineMenu)] : []),
    ...(supervisesSubjects(session) || reviewsFiles(session) ? [entry('file-reviews/cases', s.reviews.filesMenu)] : []),
    ...REGISTERS.map(([key, label]) => entry(key, label)),
  ],
  extraStaffRoutes: () => [
    <Route key="xzzf-oversight" path="xzzf/oversight" element={<LazyPage><OversightPage /></LazyPage>} />,
    <Route key="xzzf-supervision-todo" path="xzzf/supervision/todo" element={<LazyPage><CaseTodoPage pages={SUPERVISION} title={s.oversight.opinionsTitles.todo} /></LazyPage>} />,
    <Route key="xzzf-supervision-cases" path="xzzf/supervision/cases" element={<LazyPage><CaseSearchPage pages={SUPERVISION} title={s.oversight.opinionsTitles.search} /></LazyPage>} />,
    <Route key="xzzf-supervision-case" path="xzzf/supervision/cases/:caseId" element={<LazyPage><CaseDetailPage backTo="/staff/xzzf/supervision/todo" /></LazyPage>} />,
    <Route key="xzzf-certificate-reminders-todo" path="xzzf/certificate-reminders/todo" element={<LazyPage><CaseTodoPage pages={CERTIFICATE_REMINDERS} title={s.oversight.certificateRemindersTitles.todo} /></LazyPage>} />,
    <Route key="xzzf-certificate-reminders-cases" path="xzzf/certificate-reminders/cases" element={<LazyPage><CaseSearchPage pages={CERTIFICATE_REMINDERS} title={s.oversight.certificateRemindersTitles.search} /></LazyPage>} />,
    <Route key="xzzf-certificate-reminder" path="xzzf/certificate-reminders/cases/:caseId" element={<LazyPage><CaseDetailPage backTo="/staff/xzzf/certificate-reminders/todo" /></LazyPage>} />,
    <Route key="xzzf-reviews" path="xzzf/reviews" element={<LazyPage><ReviewCampaignsPage /></LazyPage>} />,
    <Route key="xzzf-review" path="xzzf/reviews/:campaignId" element={<LazyPage><ReviewCampaignPage /></LazyPage>} />,
    <Route key="xzzf-file-reviews-mine" path="xzzf/file-reviews/mine" element={<LazyPage><MyReviewFilesPage /></LazyPage>} />,
    <Route key="xzzf-file-reviews-cases" path="xzzf/file-reviews/cases" element={<LazyPage><CaseSearchPage pages={FILE_REVIEW} title={s.reviews.titles.search} /></LazyPage>} />,
    <Route key="xzzf-file-review" path="xzzf/file-reviews/cases/:caseId" element={<LazyPage><CaseDetailPage backTo="/staff/xzzf/file-reviews/cases" /></LazyPage>} />,
    <Route key="xzzf-social-supervisors" path="xzzf/social-supervisors" element={<LazyPage><SocialSupervisorsPage /></LazyPage>} />,
    <Route key="xzzf-observations-todo" path="xzzf/observations/todo" element={<LazyPage><CaseTodoPage pages={OBSERVATION} title={supervisorStrings.observationTitles.todo} /></LazyPage>} />,
    <Route key="xzzf-observations-cases" path="xzzf/observations/cases" element={<LazyPage><CaseSearchPage pages={OBSERVATION} title={supervisorStrings.observationTitles.search} /></LazyPage>} />,
    <Route key="xzzf-observation" path="xzzf/observations/cases/:caseId" element={<LazyPage><CaseDetailPage backTo="/staff/xzzf/observations/todo" /></LazyPage>} />,
    <Route key="xzzf-clue" path="xzzf/clue" element={<LazyPage><NewCluePage /></LazyPage>} />,
    <Route key="xzzf-subjects" path="xzzf/subjects" element={<LazyPage><SubjectsPage /></LazyPage>} />,
    <Route key="xzzf-officers" path="xzzf/officers" element={<LazyPage><OfficersPage /></LazyPage>} />,
    <Route key="xzzf-objects" path="xzzf/objects" element={<LazyPage><ObjectsPage /></LazyPage>} />,
    <Route key="xzzf-object" path="xzzf/objects/:objectId" element={<LazyPage><ObjectPage /></LazyPage>} />,
    <Route key="xzzf-matters" path="xzzf/matters" element={<LazyPage><MattersPage /></LazyPage>} />,
    <Route key="xzzf-inspections" path="xzzf/inspections" element={<LazyPage><InspectionPlansPage /></LazyPage>} />,
    <Route key="xzzf-inspection-plan" path="xzzf/inspections/:planId" element={<LazyPage><InspectionPlanPage /></LazyPage>} />,
  ],
  publicRoutes: () => [
    <Route key="xzzf-decisions" path="/xzzf/decisions" element={<LazyPage><PublicDecisionsPage /></LazyPage>} />,
    <Route key="xzzf-decision" path="/xzzf/decisions/:id" element={<LazyPage><PublicDecisionPage /></LazyPage>} />,
    <Route key="xzzf-reviews-public" path="/xzzf/reviews" element={<LazyPage><PublicReviewsPage /></LazyPage>} />,
    <Route key="xzzf-inspections-public" path="/xzzf/inspections" element={<LazyPage><PublicInspectionsPage /></LazyPage>} />,
    <Route key="xzzf-verify" path="/xzzf/verify" element={<LazyPage><PublicVerifyPage /></LazyPage>} />,
    <Route key="xzzf-verify-code" path="/xzzf/verify/:code" element={<LazyPage><PublicVerifyPage /></LazyPage>} />,
    <Route key="xzzf-supervisor-card" path="/xzzf/supervisor-card" element={<LazyPage><PublicSupervisorCardPage /></LazyPage>} />,
    <Route key="xzzf-supervisor-card-code" path="/xzzf/supervisor-card/:code" element={<LazyPage><PublicSupervisorCardPage /></LazyPage>} />,
    <Route key="xzzf-supervisor" path="/xzzf/supervisor" element={<LazyPage><SupervisorPortalPage /></LazyPage>} />,
  ],
});

export const enforcementModule = { ...penaltyModule, caseTypes: [...(penaltyModule.caseTypes ?? []), SUPERVISION, FILE_REVIEW, CERTIFICATE_REMINDERS, OBSERVATION] };
