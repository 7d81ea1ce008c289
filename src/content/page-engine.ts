/**
 * Runs recognition on the live page and keeps its highlights true while the page changes.
 *
 * - A full scan flattens the page text, runs the core (coverage + mentions) and highlights the mentions.
 * - One MutationObserver collects changes; work is coalesced into an idle callback and limited to the
 *   changed blocks. Mentions whose text was removed or rewritten are dropped; new text is scanned.
 * - Single-page-app navigations (history API, popstate) and late article bodies run detection again.
 * - stop() removes every highlight, listener, observer and the UI host, leaving the page as it was.
 * The page's DOM is never changed: highlights are Ranges in CSS.highlights.
 */
import type { DataIndex } from '../core/data-index.ts'
import { disambiguate } from '../core/disambiguate.ts'
import { isoDay, type PageSignals } from '../core/page-signals.ts'
import type { EventScore } from '../core/rank-events.ts'
import { RecognitionJob, type Mention, type Recognizer } from '../core/recognize.ts'
import { scanText } from '../core/scan.ts'
import type { HighlightStyle, Settings } from '../shared/settings.ts'
import { bridge } from './bridge.ts'
import { ElementCache, FlatReader, flattenText, rangeFor, type FlatText } from './flatten-text.ts'
import { NearViewport } from './near-viewport.ts'
import { mentionsKyrgyzstan } from '../core/prefilter.ts'
import { guard } from '../shared/log.ts'
import { highlightName, type Theme } from './highlight-names.ts'
import { Highlighter } from './highlighter.ts'
import { fromMention, MentionStore, rangeText, type PageMention } from './mention-store.ts'
import { readAddedText } from './page-sample.ts'
import { pageTheme } from './page-theme.ts'
import { readPageSignals } from './read-page.ts'
import { isOurHost } from './ui-host.ts'

/** Coalescing: changes are handled when the page is idle, and at the latest after this long. */
const IDLE_TIMEOUT_MS = 300
/**
 * A scan reads one chunk of about FIRST_CHUNK_CHARS synchronously (the top of the page: a few screens, what
 * the reader sees first), then the rest in chunks of about CHUNK_CHARS in idle time, leaving IDLE_MARGIN_MS
 * of each idle period to the page. The first chunk is small because it runs while the engine's code is
 * still cold (interpreted, not yet optimised), where every character costs several times what it will later.
 */
const FIRST_CHUNK_CHARS = 10_000
const CHUNK_CHARS = 30_000
const IDLE_MARGIN_MS = 2
/** Past this many mentions only those near the viewport are registered as highlights (see #track). */
const VIRTUALIZE_AT = 1500
/** "Near": this many viewport heights above and below the viewport. */
const VIRTUAL_MARGIN_BEFORE = 1
const VIRTUAL_MARGIN_AFTER = 2

/** How often a scan starts again when the page replaces the part being read, before it gives up. */
const MAX_RESTARTS = 3

interface ScanJob {
  reader: FlatReader | undefined
  job: RecognitionJob
  started: number
  /** Time spent on the scan itself (not the idle gaps). */
  cpuMs: number
  handle: number | undefined
}

/** requestIdleCallback where the browser has it (every target does); a timer otherwise (tests). */
function requestIdle(run: (deadline?: IdleDeadline) => void): number {
  return typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
    : window.setTimeout(() => run(), 0)
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') {
    cancelIdleCallback(handle)
  } else {
    clearTimeout(handle)
  }
}
/**
 * A page that is not coverage is read again when Kyrgyz-looking text arrives (a lazily loaded article), at
 * most this often; the wait doubles after each reading that changes nothing, up to RECHECK_MAX_MS, so a page
 * that keeps re-rendering a Kyrgyz link costs a full reading every half minute at most.
 */
const RECHECK_INTERVAL_MS = 2000
const RECHECK_MAX_MS = 32_000

export interface EngineListener {
  /** The set of highlighted mentions changed. */
  onChange(): void
  /** The page's DOM changed (called from the observer: must be cheap). */
  onMutations?(): void
}

/**
 * Whether an element's text is shown. checkVisibility() is false for an element without a box, which
 * includes `display: contents`: such wrappers (frameworks, web components) box nothing themselves but their
 * content is rendered, so they count as visible unless they hide it with `visibility`.
 */
function isVisible(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true })) {
    return true
  }
  const style = getComputedStyle(el)
  return style.display === 'contents' && style.visibility === 'visible'
}

/** Attributes that can show, hide or make editable what is below them. */
const WATCHED_ATTRIBUTES = ['hidden', 'contenteditable', 'aria-hidden', 'class', 'style', 'open']

export class PageEngine {
  /** The bundled data, parsed on first use (engine-data.ts). */
  readonly #data: () => DataIndex
  readonly recognizer: Recognizer
  readonly store = new MentionStore()
  readonly highlighter = new Highlighter()
  #settings: Settings
  #listener: EngineListener
  #cache = new ElementCache()
  #observer: MutationObserver | undefined
  #pending: MutationRecord[] = []
  #flushHandle: number | undefined
  #nextKey = 1
  #relevant = false
  #page: PageSignals = {}
  #anchored = new Set<string>()
  #theme: Theme = 'light'
  #lastRecheck = 0
  #recheckInterval = RECHECK_INTERVAL_MS
  #recheckTimer: number | undefined
  /** Kyrgyz-looking text arrived on a page that is not coverage; it is read again when the wait is over. */
  #recheckDue = false
  #running = false
  /** The scan in progress, if a big page is still being read in idle time. */
  #job: ScanJob | undefined
  /** The last full scan's recognition, kept for the page's event (it holds the sample of the body it read). */
  #recognition: RecognitionJob | undefined
  #events: { key: string; events: EventScore[] } | undefined
  /** The page mention made from each core mention of the current scan (settled surnames update it). */
  #byMention = new WeakMap<Mention, PageMention>()
  /** Whether an element's text is rendered, per element, for the current scan. */
  #visible = new WeakMap<Element, boolean>()
  #restarts = 0
  /** Mentions by the block they are in (for the virtualising observer). */
  readonly #byBlock = new Map<Element, Set<PageMention>>()
  /** Set once the page holds more than VIRTUALIZE_AT mentions: which blocks are far from the viewport. */
  #near: NearViewport | undefined

  constructor(deps: {
    data: () => DataIndex
    recognizer: Recognizer
    settings: Settings
    listener: EngineListener
  }) {
    this.#data = deps.data
    this.recognizer = deps.recognizer
    this.#settings = deps.settings
    this.#listener = deps.listener
  }

  /** The data, for cards and the page's answers (read on first use). */
  get data(): DataIndex {
    return this.#data()
  }

  get relevant(): boolean {
    return this.#relevant
  }

  get page(): PageSignals {
    return this.#page
  }

  get published(): string | undefined {
    return isoDay(this.#page.published)
  }

  /** The data's events this page may be about, best first; none when it is not coverage. */
  get events(): EventScore[] {
    if (!this.#relevant || this.#recognition === undefined) {
      return []
    }
    const counts = this.store.counts()
    // Ranked again only when what the page names has changed (cards ask on every open).
    const key = counts.map((c) => `${c.entity}:${c.count}`).join(',')
    if (this.#events?.key !== key) {
      this.#events = { key, events: this.#recognition.events(counts) }
    }
    return this.#events.events
  }

  get theme(): Theme {
    return this.#theme
  }

  get running(): boolean {
    return this.#running
  }

  start(): void {
    if (this.#running) {
      return
    }
    this.#running = true
    this.fullScan()
    this.#observer = new MutationObserver((records) => guard('mutations', () => this.#onMutations(records)))
    this.#observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    })
  }

  stop(): void {
    this.#running = false
    this.#observer?.disconnect()
    this.#observer = undefined
    this.#pending = []
    this.#cancelFlush()
    this.#cancelRecheck()
    this.#cancelJob()
    this.#endVirtual()
    this.highlighter.clear()
    this.store.clear()
    this.#relevant = false
    this.#cache.clear()
    this.#listener.onChange()
  }

  /**
   * Reads the whole page again: on start, after a navigation, and when a page becomes coverage late.
   *
   * The text is read in one pass; recognition and highlighting then go through it in chunks: the first
   * synchronously (the top of the page, what a reader sees first), the rest in idle time, so even a 2 MB page
   * never blocks the page for more than a few milliseconds at a time.
   */
  fullScan(): void {
    const started = performance.now()
    this.#cancelRecheck()
    this.#cancelJob()
    const body = document.body
    this.#cache.clear()
    this.#visible = new WeakMap()
    this.#theme = pageTheme(document)
    this.#page = readPageSignals(document, location.href)
    this.highlighter.clear()
    this.store.clear()
    this.#endVirtual()
    // Visibility is checked per highlighted name (#isShownHere), not per element here: reading the text
    // must stay close to the cost of reading it.
    const job: ScanJob = {
      reader: body ? new FlatReader(body, this.#cache) : undefined,
      job: new RecognitionJob(this.recognizer, this.#page),
      started,
      // Reading the page's signals and setting up count as scan work as much as the chunks do.
      cpuMs: performance.now() - started,
      handle: undefined,
    }
    this.#job = job
    this.#recognition = job.job
    this.#events = undefined
    this.#relevant = job.job.relevant
    this.#runJob(job, 1, undefined, FIRST_CHUNK_CHARS)
    bridge().timing.scanMs = performance.now() - started
    this.#lastRecheck = Date.now()
    this.#listener.onChange()
  }

  /** Reads, recognises and highlights the next chunks of a scan: `chunks` of them, or until the idle deadline. */
  #runJob(job: ScanJob, chunks: number, deadline?: IdleDeadline, chunkChars = CHUNK_CHARS): void {
    const t0 = performance.now()
    const reader = job.reader
    for (let n = 0; reader && !reader.done && n < chunks; n++) {
      if (!reader.intact) {
        // The page removed what was being read (a re-render): read it again from the top, a few times at most.
        job.cpuMs += performance.now() - t0
        this.#restartScan()
        return
      }
      const flat = reader.next(chunkChars)
      this.#addMentions(flat, job.job.feed(flat.text))
      if (deadline && deadline.timeRemaining() < IDLE_MARGIN_MS) {
        break
      }
    }
    this.#relevant = job.job.relevant
    job.cpuMs += performance.now() - t0
    if (reader && !reader.done) {
      job.handle = requestIdle((d) => guard('scan', () => this.#runJob(job, Infinity, d)))
      return
    }
    // All read: settle surnames that depended on the rest of the page, then hand over to the observer.
    for (const mention of job.job.finish()) {
      const m = this.#byMention.get(mention)
      if (m) {
        m.entity = mention.entity
        m.candidates = mention.candidates ?? []
        m.type =
          mention.entity === null
            ? 'ambiguous'
            : (this.recognizer.index.entities.get(mention.entity)?.type ?? m.type)
        this.#paint(m)
      }
    }
    this.#anchored = new Set(job.job.anchored)
    this.#byMention = new WeakMap()
    this.#job = undefined
    this.#restarts = 0
    const timing = bridge().timing
    timing.recognizeMs = job.cpuMs
    timing.totalMs = performance.now() - job.started
    this.#listener.onChange()
    if (this.#pending.length > 0) {
      this.#scheduleFlush()
    }
  }

  #restartScan(): void {
    this.#cancelJob()
    if (++this.#restarts > MAX_RESTARTS) {
      // A page that keeps replacing its content while being read: keep what was found; the observer
      // reads changed blocks from now on.
      this.#restarts = 0
      return
    }
    requestIdle(() => guard('scan', () => this.#running && this.fullScan()))
  }

  #cancelJob(): void {
    if (this.#job?.handle !== undefined) {
      cancelIdle(this.#job.handle)
    }
    this.#job = undefined
    this.#byMention = new WeakMap()
  }

  /** After a navigation: a new page, so a reading that changed nothing says nothing about the next. */
  navigated(): void {
    this.#recheckInterval = RECHECK_INTERVAL_MS
    this.fullScan()
  }

  /** Applies new settings that keep the engine running (style, types). */
  updateSettings(settings: Settings): void {
    const restyle =
      settings.highlightStyle !== this.#settings.highlightStyle ||
      JSON.stringify(settings.types) !== JSON.stringify(this.#settings.types)
    this.#settings = settings
    if (!restyle) {
      return
    }
    for (const m of this.store.all()) {
      this.#paint(m)
    }
  }

  #nameFor(m: PageMention, style: HighlightStyle): string {
    return highlightName(style, this.#theme, m.type)
  }

  /**
   * Decides the entry the mention's range belongs under (its type, the style and the theme; none when its
   * type is switched off) and puts it there, unless the page is virtualised and its block is far away.
   */
  #paint(m: PageMention): void {
    const shown = m.type === 'ambiguous' || this.#settings.types[m.type]
    m.highlight = shown ? this.#nameFor(m, this.#settings.highlightStyle) : ''
    this.#place(m)
  }

  /** Registers the mention's range under m.highlight, or takes it out, as its block's distance asks. */
  #place(m: PageMention): void {
    const want = m.highlight !== '' && !(m.block && this.#near?.isFar(m.block)) ? m.highlight : ''
    if (m.painted === want) {
      return
    }
    if (m.painted) {
      this.highlighter.remove(m.painted, m.range)
    }
    if (want) {
      this.highlighter.add(want, m.range)
    }
    m.painted = want
  }

  /**
   * Pages naming thousands of names: browsers repaint slower the more highlight ranges a page holds (a
   * frame takes 60 ms with 30 000 ranges in Chromium, against 16 ms with 3 000). So past VIRTUALIZE_AT
   * mentions only those in blocks near the viewport are registered; an IntersectionObserver adds and removes
   * them as the reader scrolls. Everything else (counts, cards, keyboard) works on all mentions.
   */
  #track(m: PageMention): void {
    if (!m.block) {
      return
    }
    let set = this.#byBlock.get(m.block)
    if (!set) {
      set = new Set()
      this.#byBlock.set(m.block, set)
      this.#near?.add(m.block)
    }
    set.add(m)
    if (!this.#near && this.store.size > VIRTUALIZE_AT) {
      this.#virtualize()
    }
  }

  #virtualize(): void {
    const near = new NearViewport({
      before: VIRTUAL_MARGIN_BEFORE,
      after: VIRTUAL_MARGIN_AFTER,
      onChange: (blocks) => {
        for (const block of blocks) {
          for (const m of this.#byBlock.get(block) ?? []) {
            this.#place(m)
          }
        }
      },
    })
    this.#near = near
    // Blocks read before keep their highlights until the observer's first report (within a frame); blocks
    // read from now on count as far until then, so a long scan does not register what is far away.
    for (const block of this.#byBlock.keys()) {
      near.add(block, false)
    }
  }

  #endVirtual(): void {
    this.#near?.disconnect()
    this.#near = undefined
    this.#byBlock.clear()
  }

  #addMentions(flat: FlatText, mentions: readonly Mention[]): void {
    for (const mention of mentions) {
      const range = rangeFor(flat, mention.start, mention.end)
      if (!range || !this.#isShownHere(range.startContainer)) {
        continue
      }
      const m = fromMention(
        this.#nextKey++,
        mention,
        range,
        flat.text.slice(mention.start, mention.end),
        (id) => this.recognizer.index.entities.get(id)?.type,
      )
      if (!m) {
        continue
      }
      m.block = this.#cache.facts(range.startContainer.parentElement ?? document.body).block
      this.#byMention.set(mention, m)
      this.store.add(m)
      this.#track(m)
      this.#paint(m)
    }
  }

  /** Whether text in this node is rendered (hidden inline text is read but never highlighted). */
  #isShownHere(node: Node): boolean {
    const parent = node.parentElement
    if (!parent) {
      return false
    }
    let shown = this.#visible.get(parent)
    if (shown === undefined) {
      shown = isVisible(parent)
      this.#visible.set(parent, shown)
    }
    return shown
  }

  #removeMention(m: PageMention): void {
    if (m.painted) {
      this.highlighter.remove(m.painted, m.range)
      m.painted = ''
    }
    if (m.block) {
      const set = this.#byBlock.get(m.block)
      set?.delete(m)
      if (set?.size === 0) {
        this.#byBlock.delete(m.block)
        this.#near?.remove(m.block)
      }
    }
    this.store.remove(m)
  }

  /** Whether a mention is currently visible to the user (its type is switched on). */
  isShown(m: PageMention): boolean {
    return m.highlight !== ''
  }

  // --- dynamic pages -------------------------------------------------------------------------------

  #onMutations(records: MutationRecord[]): void {
    this.#listener.onMutations?.()
    for (const r of records) {
      // Our own host (added once, on first use) is not page content.
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => isOurHost(n))) {
        continue
      }
      this.#pending.push(r)
    }
    if (this.#pending.length > 0) {
      this.#scheduleFlush()
    }
  }

  #scheduleFlush(): void {
    if (this.#flushHandle !== undefined) {
      return
    }
    const run = (): void => {
      this.#flushHandle = undefined
      guard('update', () => this.#flush())
    }
    this.#flushHandle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
        : window.setTimeout(run, IDLE_TIMEOUT_MS / 3)
  }

  #cancelFlush(): void {
    if (this.#flushHandle === undefined) {
      return
    }
    if (typeof cancelIdleCallback === 'function') {
      cancelIdleCallback(this.#flushHandle)
    } else {
      clearTimeout(this.#flushHandle)
    }
    this.#flushHandle = undefined
  }

  #cancelRecheck(): void {
    if (this.#recheckTimer !== undefined) {
      clearTimeout(this.#recheckTimer)
    }
    this.#recheckTimer = undefined
    this.#recheckDue = false
  }

  /** A page that is not coverage got Kyrgyz-looking text: read it all again, when the wait allows. */
  #recheck(): void {
    const wait = this.#lastRecheck + this.#recheckInterval - Date.now()
    if (wait <= 0) {
      this.#recheckScan()
      return
    }
    this.#recheckDue = true
    this.#recheckTimer ??= window.setTimeout(() => {
      this.#recheckTimer = undefined
      guard('update', () => {
        if (this.#running && this.#recheckDue) {
          this.#recheckScan()
        }
      })
    }, wait)
  }

  #recheckScan(): void {
    this.fullScan()
    this.#recheckInterval = this.#relevant
      ? RECHECK_INTERVAL_MS
      : Math.min(this.#recheckInterval * 2, RECHECK_MAX_MS)
  }

  #flush(): void {
    if (!this.#running || this.#job) {
      // A scan still reading the page will pick up what changed in the parts it has not read yet; the
      // rest is handled when it ends (#runJob schedules the flush again).
      return
    }
    const records = this.#pending
    this.#pending = []
    const touched = new Set<Node>()
    const roots: Node[] = []
    for (const r of records) {
      if (r.type === 'attributes') {
        // A class or style on <html> or <body> changes often (scroll states, menus) and would mean reading
        // the whole page again each time: not followed. Text they reveal is read with the next change in
        // its block, or at the next full scan.
        if (r.target === document.body || r.target === document.documentElement) {
          continue
        }
        // Something may have become hidden, visible or editable: the memoised answers below it are stale.
        this.#cache.clear()
        roots.push(r.target)
      } else if (r.type === 'characterData') {
        touched.add(r.target)
        roots.push(r.target)
      } else {
        for (const n of r.addedNodes) {
          if (isOurHost(n)) {
            continue
          }
          // An element the page moved keeps memoised answers from its old place.
          if (n.nodeType === Node.ELEMENT_NODE && this.#cache.knows(n as Element)) {
            this.#cache.clear()
          }
          roots.push(n.nodeType === Node.TEXT_NODE ? r.target : n)
        }
        if (r.removedNodes.length > 0) {
          roots.push(r.target)
        }
      }
    }
    let changed = false
    for (const m of this.store.all()) {
      const r = m.range
      const gone = !r.startContainer.isConnected || !r.endContainer.isConnected || r.collapsed
      const rewritten =
        (touched.has(r.startContainer) || touched.has(r.endContainer)) && rangeText(r) !== m.surface
      if (gone || rewritten) {
        this.#removeMention(m)
        changed = true
      }
    }
    if (!this.#relevant) {
      // Only text that arrived is read (the title's included when it changed), at most the prefilter's budget.
      if (this.#recheckDue || mentionsKyrgyzstan(readAddedText(roots))) {
        this.#recheck()
      }
      if (changed) {
        this.#listener.onChange()
      }
      return
    }
    for (const root of this.#blockRoots(roots)) {
      changed = this.#rescan(root) || changed
    }
    if (changed) {
      this.#listener.onChange()
    }
  }

  /** The blocks containing the changed nodes, without duplicates or blocks inside other ones. */
  #blockRoots(nodes: readonly Node[]): Node[] {
    const blocks = new Set<Node>()
    for (const n of nodes) {
      if (!n.isConnected) {
        continue
      }
      const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement
      // Only the body is read (a new <title> is not page text; our host is not the page's).
      if (!el || isOurHost(el) || !document.body?.contains(el)) {
        continue
      }
      const block = this.#cache.facts(el, isVisible).block
      // Inline content straight inside <body> has the whole page as its block: rescan only what changed.
      const whole = block === document.body || block === document.documentElement
      blocks.add(whole && el !== block ? el : block)
    }
    const list = [...blocks]
    return list.filter((b) => !list.some((other) => other !== b && other.contains(b)))
  }

  /** Scans one changed block again. Returns whether its mentions changed. */
  #rescan(root: Node): boolean {
    const before = this.store.within(root)
    const flat = flattenText(root, this.#cache, { isVisible })
    const hits = scanText(this.recognizer.index, flat.text)
    const published = this.published
    const { mentions, anchored } = disambiguate(
      {
        index: this.recognizer.index,
        roles: this.recognizer.roles,
        anchored: this.#anchored,
        ...(published !== undefined ? { published } : {}),
      },
      flat.text,
      hits,
    )
    for (const a of anchored) {
      this.#anchored.add(a)
    }
    // Keep mentions whose range still matches one found now (so an open card's mention stays valid).
    const keep = new Set<PageMention>()
    const fresh: Mention[] = []
    for (const mention of mentions) {
      const range = rangeFor(flat, mention.start, mention.end)
      const same =
        range && before.find((m) => !keep.has(m) && sameRange(m.range, range) && m.entity === mention.entity)
      if (same) {
        keep.add(same)
      } else {
        fresh.push(mention)
      }
    }
    let changed = false
    for (const m of before) {
      if (!keep.has(m)) {
        this.#removeMention(m)
        changed = true
      }
    }
    if (fresh.length > 0) {
      this.#addMentions(flat, fresh)
      changed = true
    }
    return changed
  }
}

function sameRange(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  )
}
