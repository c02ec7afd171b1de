// The popup's Knowledge (every enabled pack), read once when it opens and given to every view.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Knowledge } from '@/lib/knowledge/knowledge';

export const KnowledgeContext = createContext<Knowledge | null>(null);

export function useKnowledge(): Knowledge {
  const knowledge = useContext(KnowledgeContext);
  if (!knowledge) throw new Error('The popup is drawn before its knowledge was read.');
  return knowledge;
}
