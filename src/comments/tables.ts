// Row types of reader comments and the bot defence.
export interface CommentTables {}
