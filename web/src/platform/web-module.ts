import type { ReactElement, ReactNode } from 'react';
import type { MenuProps } from 'antd';
import type { StaffSession } from '../modules/staff/auth-context';

export type MenuItems = NonNullable<MenuProps['items']>;

/** Where a module shows one of its case types: the detail page's address. Forms take their words from the server's schemas (`title`, `x-labels`). */
export interface CaseTypePages {
  caseType: string;
  /** The module's own prefix under /staff, e.g. `/staff/xzfy`; its detail pages are `${base}/cases/:caseId`. */
  base: string;
}

/**
 * What a web module registers: the server module it belongs to (its menu shows only to people
 * whose roles open that module), its menu entries, and its pages. `web/src/modules/index.ts`
 * lists every module, one line each; the shell builds its routes and menu from that list.
 */
export interface WebModule {
  /** The server module's name, as `/api/auth/me` lists it under `modules`. */
  module: string;
  /** The group title when a person sees more than one module's menu. */
  label: string;
  /** The module's menu entries; keys are the addresses they open. */
  menu(session: StaffSession): MenuItems;
  /** The menu key to highlight at this address, or null when the address is not the module's. */
  selectedKey(pathname: string, search: string): string | null;
  /** What `/staff` shows when this is the person's first module: an element, or the address to go to. */
  home: string | (() => ReactNode);
  /** Routes under /staff (relative paths), as <Route> elements with keys. */
  staffRoutes(): ReactElement[];
  /** Routes outside /staff (citizens' pages). */
  publicRoutes?(): ReactElement[];
  /** The case types whose generic pages the module mounts. */
  caseTypes?: readonly CaseTypePages[];
  /**
   * Whether the person sees the module's menu, when more than its own roles open it (the
   * knowledge base is read by everyone who works the hotline). opensModule by default.
   */
  opens?(session: StaffSession): boolean;
}

/** Does the person's session open this module? Administrators see every module. */
export function opensModule(session: StaffSession, module: string): boolean {
  return session.user.role === 'admin' || session.user.modules.some((m) => m.name === module);
}

/** Does the person see this web module: by its own rule, or by the roles they hold in it. */
export function opensWebModule(session: StaffSession, module: WebModule): boolean {
  return module.opens ? module.opens(session) : opensModule(session, module.module);
}
