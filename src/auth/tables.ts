// Row types of accounts, sessions and the audit log (owned by the back office).
export interface AuthTables {}
