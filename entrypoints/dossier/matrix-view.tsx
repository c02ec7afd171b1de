// The membership matrix: a table of rows (countries and other parties) by initiatives, each cell
// the relations the documents state. Sorted, filtered, its page's rows marked; the arrow keys move
// from cell to cell (one cell in the tab order), and the cell pointed at, focused or clicked (a
// click focuses it) shows its quotes beside the table.
import { memo } from 'preact/compat';
import { useMemo, useRef, useState } from 'preact/hooks';
import { RoleQuote } from '@/components/role-quote';
import {
  columnCounts,
  filterRows,
  type Matrix,
  type MatrixColumn,
  type MatrixRow,
  type RowOrder,
  sortRows,
} from '@/lib/dossier/matrix';
import { plural, t } from '@/lib/i18n';
import { type CitedDocument, citeDocument } from '@/lib/knowledge/card-data';
import type { Knowledge } from '@/lib/knowledge/knowledge';
import type { PageNames } from './app';
import { Legend, RelationMark } from './marks';

/** Rows drawn at first and per "Show more": a 2,000-entity pack's table stays quick to draw. */
const ROWS_PER_PAGE = 100;

interface MatrixViewProps {
  knowledge: Knowledge;
  matrix: Matrix;
  page: PageNames;
  onOpenEntity: (id: string) => void;
  onOpenDocument: (document: CitedDocument, quote: string) => void;
}

/** A cell by its row and column index in what is shown; column 0 is the row's header. */
interface At {
  r: number;
  c: number;
}

export function MatrixView({ knowledge, matrix, page, onOpenEntity, onOpenDocument }: MatrixViewProps) {
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<RowOrder>('name');
  const [onlyOnPage, setOnlyOnPage] = useState(false);
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const [focus, setFocus] = useState<At>({ r: 0, c: 0 });
  const [active, setActive] = useState<{ row: MatrixRow; column: MatrixColumn } | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const onPage = page.kind === 'known' ? page.ids : null;
  const rows = useMemo(() => {
    const filtered = filterRows(matrix.rows, query);
    const shown = onlyOnPage && onPage ? filtered.filter((row) => onPage.has(row.id)) : filtered;
    return sortRows(shown, order);
  }, [matrix, query, order, onlyOnPage, onPage]);
  const counts = useMemo(() => columnCounts(rows, matrix.columns), [rows, matrix]);
  const visible = rows.slice(0, limit);
  const onPageCount = onPage ? matrix.rows.filter((row) => onPage.has(row.id)).length : 0;
  const { columns } = matrix;

  if (columns.length === 0) {
    return (
      <section aria-labelledby="dossier-matrix" class="dossier-section">
        <h2 id="dossier-matrix">{t('dossierMatrixHeading')}</h2>
        <p class="dossier-empty" data-testid="no-matrix">
          {t('dossierNoMatrix')}
        </p>
      </section>
    );
  }

  /** The element that takes focus for a cell: the row's name button, or the data cell. */
  const target = (at: At): HTMLElement | null => {
    const cell = table.current?.tBodies[0]?.rows[at.r]?.cells[at.c];
    return at.c === 0 ? (cell?.querySelector('button') ?? null) : (cell ?? null);
  };
  /** The cell an event happened in, by its place in the body (one listener for every cell). */
  const cellOf = (event: Event): (At & { row: MatrixRow; column?: MatrixColumn }) | null => {
    const cell = (event.target as Element | null)?.closest('td, th');
    const tr = cell?.parentElement;
    if (!(cell instanceof HTMLTableCellElement) || !(tr instanceof HTMLTableRowElement)) return null;
    const row = visible[tr.sectionRowIndex];
    return row ? { r: tr.sectionRowIndex, c: cell.cellIndex, row, column: columns[cell.cellIndex - 1] } : null;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, At> = {
      ArrowUp: { r: focus.r - 1, c: focus.c },
      ArrowDown: { r: focus.r + 1, c: focus.c },
      ArrowLeft: { r: focus.r, c: focus.c - 1 },
      ArrowRight: { r: focus.r, c: focus.c + 1 },
      Home: event.ctrlKey ? { r: 0, c: 0 } : { r: focus.r, c: 0 },
      End: event.ctrlKey ? { r: visible.length - 1, c: columns.length } : { r: focus.r, c: columns.length },
      PageUp: { r: focus.r - 10, c: focus.c },
      PageDown: { r: focus.r + 10, c: focus.c },
    };
    const to = moves[event.key];
    if (!to) return;
    event.preventDefault();
    const r = Math.max(0, Math.min(visible.length - 1, to.r));
    const c = Math.max(0, Math.min(columns.length, to.c));
    setFocus({ r, c });
    target({ r, c })?.focus();
  };
  const onFocusIn = (event: FocusEvent) => {
    const at = cellOf(event);
    if (!at) return;
    setFocus({ r: at.r, c: at.c });
    if (at.column) setActive({ row: at.row, column: at.column });
  };
  const onMouseOver = (event: MouseEvent) => {
    const at = cellOf(event);
    if (at?.column && (active?.row !== at.row || active.column !== at.column)) {
      setActive({ row: at.row, column: at.column });
    }
  };
  // After a filter the remembered cell may be gone: the nearest one stays in the tab order.
  const tabStop = { r: Math.min(focus.r, visible.length - 1), c: focus.c };

  return (
    <section aria-labelledby="dossier-matrix" class="dossier-section" data-testid="matrix">
      <h2 id="dossier-matrix">{t('dossierMatrixHeading')}</h2>
      <div class="dossier-controls">
        <label>
          {t('dossierFilterLabel')}{' '}
          <input
            type="search"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setLimit(ROWS_PER_PAGE);
              setFocus({ r: 0, c: 0 });
            }}
            data-testid="matrix-filter"
          />
        </label>
        <label>
          {t('dossierSortLabel')}{' '}
          <select
            value={order}
            onChange={(event) => setOrder(event.currentTarget.value as RowOrder)}
            data-testid="matrix-sort"
          >
            <option value="name">{t('dossierSortName')}</option>
            <option value="memberships">{t('dossierSortMemberships')}</option>
          </select>
        </label>
        {onPage && (
          <label class="dossier-check">
            <input
              type="checkbox"
              checked={onlyOnPage}
              onChange={(event) => {
                setOnlyOnPage(event.currentTarget.checked);
                setFocus({ r: 0, c: 0 });
              }}
              data-testid="only-on-page"
            />{' '}
            {t('dossierOnlyOnPage')}
          </label>
        )}
      </div>
      <p class="dossier-status" data-testid="matrix-status">
        {t('dossierRowsShown', { shown: rows.length, total: matrix.rows.length })}{' '}
        {onPage && plural('dossierPageCount', onPageCount)}
        {page.kind === 'unreachable' && t('dossierPageUnreachable')}
      </p>
      <Legend relations={matrix.relations} />
      <div class="dossier-matrix-layout">
        <div class="dossier-table-scroll">
          <table class="dossier-table" ref={table} data-testid="matrix-table">
            <caption class="gloss-visually-hidden">{t('dossierMatrixCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" class="dossier-corner">
                  {t('dossierRowHeader')}
                </th>
                {columns.map((column) => (
                  <th key={column.id} scope="col" data-column={column.id}>
                    {column.name}
                  </th>
                ))}
              </tr>
            </thead>
            {/* biome-ignore lint/a11y/useKeyWithMouseEvents: focusin is the focus twin of mouseover, and bubbles */}
            <tbody onKeyDown={onKeyDown} onFocusIn={onFocusIn} onMouseOver={onMouseOver}>
              {visible.map((row, r) => (
                <RowView
                  key={row.id}
                  row={row}
                  columns={columns}
                  tabStop={tabStop.r === r ? tabStop.c : null}
                  onPage={onPage?.has(row.id) ?? false}
                  onOpenEntity={onOpenEntity}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dossierColumnCount')}</th>
                {counts.map((count, c) => (
                  <td key={columns[c]?.id} data-count={columns[c]?.id}>
                    {count}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
          {rows.length === 0 && <p class="dossier-empty">{t('dossierNoRows')}</p>}
          {rows.length > visible.length && (
            <button type="button" class="dossier-button" onClick={() => setLimit(limit + ROWS_PER_PAGE)}>
              {plural('dossierShowMore', Math.min(ROWS_PER_PAGE, rows.length - visible.length))}
            </button>
          )}
        </div>
        <CellDetail knowledge={knowledge} active={active} onOpenDocument={onOpenDocument} />
      </div>
    </section>
  );
}

interface RowViewProps {
  row: MatrixRow;
  columns: readonly MatrixColumn[];
  /** The column of the table's one tab stop when it is in this row. */
  tabStop: number | null;
  onPage: boolean;
  onOpenEntity: (id: string) => void;
}

/**
 * One row: drawn again only when its own props change, so moving the focus redraws two rows, not
 * a 2,000-entity pack's table. No listener of its own: the body listens for every cell.
 */
const RowView = memo(function RowView({ row, columns, tabStop, onPage, onOpenEntity }: RowViewProps) {
  return (
    <tr class={onPage ? 'dossier-on-page' : undefined} data-row={row.id}>
      <th scope="row">
        <button
          type="button"
          class="dossier-row-name"
          tabIndex={tabStop === 0 ? 0 : -1}
          onClick={() => onOpenEntity(row.id)}
        >
          {row.name}
        </button>
        {onPage && <span class="dossier-page-flag">{t('dossierOnPage')}</span>}{' '}
        <span class="dossier-count">{plural('dossierMemberships', row.memberships)}</span>
      </th>
      {columns.map((column, c) => {
        const marks = row.cells.get(column.id);
        return (
          <td
            key={column.id}
            tabIndex={tabStop === c + 1 ? 0 : -1}
            data-relations={marks?.map((m) => m.type).join(' ')}
          >
            {marks?.map((mark) => (
              <RelationMark key={mark.type} type={mark.type} />
            ))}
          </td>
        );
      })}
    </tr>
  );
});

interface CellDetailProps {
  knowledge: Knowledge;
  active: { row: MatrixRow; column: MatrixColumn } | null;
  onOpenDocument: (document: CitedDocument, quote: string) => void;
}

/** The chosen cell's relations with their quotes; read out politely as the keyboard moves. */
function CellDetail({ knowledge, active, onOpenDocument }: CellDetailProps) {
  const marks = active ? (active.row.cells.get(active.column.id) ?? []) : [];
  return (
    <div class="dossier-detail" aria-live="polite" data-testid="cell-detail">
      {!active ? (
        <p class="dossier-hint">{t('dossierDetailHint')}</p>
      ) : marks.length === 0 ? (
        <p>{t('dossierDetailEmpty', { row: active.row.name, column: active.column.name })}</p>
      ) : (
        <>
          <h3>{t('dossierDetailHeading', { row: active.row.name, column: active.column.name })}</h3>
          <ul>
            {marks.map((mark) => (
              <li key={mark.type}>
                <RelationMark type={mark.type} labelled />
                <RoleQuote
                  quote={mark.quote}
                  document={citeDocument(knowledge, active.row.id, mark.source)}
                  focus={[active.row.name, ...active.row.names]}
                  onOpenDocument={onOpenDocument}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
