// The article page's comment thread and form. Placeholder until the comments issue lands.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';

export interface CommentsArticle {
  id: number;
  slug: string;
  comments_open: number;
  language: string;
}

/** Loads and renders the comments block for an article page (marked place: <section id="comments">). */
export async function loadCommentsBlock(_ctx: AppContext, _article: CommentsArticle, _req: FastifyRequest): Promise<VNode | null> {
  return null;
}
