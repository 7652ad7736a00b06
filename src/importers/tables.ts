// The import map: which item of an earlier site (a WordPress post, a Ghost tag...) became which row here.
export interface ImportMapTable {
  /** where the item came from, e.g. "wordpress:https://news.example" */
  source: string;
  /** post, page, attachment, author, category, tag, comment */
  kind: string;
  old_id: string;
  new_id: number;
  created_at: string;
}

export interface ImportTables {
  import_map: ImportMapTable;
}
