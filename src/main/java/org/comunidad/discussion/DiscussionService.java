package org.comunidad.discussion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.ContentAuthor;
import org.comunidad.platform.content.ContentView;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Mention;
import org.comunidad.platform.content.Moderation;
import org.comunidad.platform.content.Explained;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.text.RichText;
import org.comunidad.platform.web.CommunityRef;

import io.quarkus.qute.RawString;

/**
 * Formal discussions of a subgroup: the lookups and actions of its pages and API, each in one
 * transaction that also finds the subgroup. Who may do what is {@link DiscussionAccess}. A thread
 * is read in two queries whatever its length.
 */
@ApplicationScoped
public class DiscussionService {

    /** How many discussions each list shows. */
    public static final int LIST_LIMIT = 100;

    public record DiscussionInput(String title, String agendaTopic, String opening, String deadline) {
    }

    /** A discussion as its lists and its page head show it. */
    public record Summary(long id, String title, String agendaTopic, Discussion.Status status, boolean pinned,
            boolean hidden, int replyCount, OffsetDateTime lastActivityAt, LocalDate deadline, ContentAuthor author,
            boolean isNew) {

        public boolean isOpen() {
            return status == Discussion.Status.OPEN;
        }
    }

    public record Lists(Community subgroup, List<Summary> open, List<Summary> closed, boolean canOpen) {
    }

    /**
     * A reply as the viewer sees it; a placeholder when it was deleted or hidden but has answers
     * ({@code deleted} then tells which).
     */
    public record ReplyView(ContentView content, Long parentId, boolean placeholder, boolean deleted,
            List<ReplyView> answers, Quote answerTo) {

        public long id() {
            return content.id();
        }
    }

    /**
     * What an answer shows of the reply it answers, on the paged page: its author and the start of
     * its text, or only that it is gone (deleted, or hidden from this viewer); {@code onPage} when
     * it is on the same page (the link is then the anchor alone).
     */
    public record Quote(long id, String author, String excerpt, boolean deleted, boolean hidden, boolean onPage) {

        public boolean gone() {
            return deleted || hidden;
        }
    }

    /** Which page of replies is shown: 1-based, of {@code pages} (at least 1), {@code total} replies seen. */
    public record Paging(int page, int pages, long total, int size) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public boolean paged() {
            return pages > 1;
        }

        /** The number of the first reply of the page, 1-based (0 when there is none). */
        public long first() {
            return total == 0 ? 0 : (long) (page - 1) * size + 1;
        }

        public long last() {
            return Math.min(total, (long) page * size);
        }

        /** The page holding the reply at this place (0-based) of the thread. */
        static int of(long place, int size) {
            return (int) (place / size) + 1;
        }
    }

    /**
     * A discussion with its replies. {@code content} is the opening, with what the viewer may do:
     * canEdit (its author, while open), canDelete (its author), canModerate (pin, close, reopen, hide).
     * {@code answering} is the reply the page's form answers ({@code ?answer=}): a top-level reply
     * of this discussion the viewer sees, quoted; {@code answerUnknown} when another id was asked for
     * (the form then replies to the discussion).
     */
    public record Thread(Community subgroup, Summary discussion, ContentView content, String conclusion,
            RawString conclusionHtml, String closedBy, OffsetDateTime closedAt, List<ReplyView> replies,
            boolean canReply, boolean pastDeadline, Explained replyRefusal, Paging paging, Quote answering,
            boolean answerUnknown) {
    }

    /** How many replies a page of a discussion shows. */
    public static final int PAGE_SIZE = 50;

    /** What an answer's quote shows of the text it answers, at most. */
    static final int QUOTE_MAX = 140;

    @Inject
    CommunityService communities;

    @Inject
    WhatsNew whatsNew;

    @Inject
    RichText richText;

    /** Both lists; the visit counts for "what's new" when {@code visit} is set (the page, not the API). */
    @Transactional
    public Optional<Lists> lists(Viewer viewer, CommunityRef ref, boolean visit) {
        return subgroup(viewer, ref).map(subgroup -> {
            OffsetDateTime seen = visit
                    ? whatsNew.visit(viewer.memberId(), subgroup.id, DiscussionContributions.TAB).orElse(null)
                    : null;
            boolean moderator = DiscussionAccess.moderates(viewer, subgroup);
            return new Lists(subgroup,
                    summaries(Discussion.in(subgroup.id, Discussion.Status.OPEN, viewer.memberId(), moderator,
                            LIST_LIMIT), viewer, seen),
                    summaries(Discussion.in(subgroup.id, Discussion.Status.CLOSED, viewer.memberId(), moderator,
                            LIST_LIMIT), viewer, seen),
                    DiscussionAccess.opens(viewer, subgroup));
        });
    }

    private static List<Summary> summaries(List<Discussion> discussions, Viewer viewer, OffsetDateTime seenBefore) {
        return discussions.stream().map(d -> summary(d, seenBefore != null && d.lastActivityAt.isAfter(seenBefore)
                && !d.isBy(viewer.memberId()))).toList();
    }

    private static Summary summary(Discussion d, boolean isNew) {
        return new Summary(d.id, d.title, d.agendaTopic, d.status, d.isPinned(), d.getState().isHidden(), d.replyCount,
                d.lastActivityAt, d.deadline, author(d.author), isNew);
    }

    static ContentAuthor author(Member m) {
        return new ContentAuthor(m.id, m.displayName, m.country == null ? null : m.country.code,
                m.country == null ? null : m.country.name, m.institution);
    }

    /** The subgroup, for the form that opens a discussion; anyone but those who may open one is told why not. */
    @Transactional
    public Optional<Community> openingForm(Viewer viewer, CommunityRef ref) {
        return subgroup(viewer, ref).map(subgroup -> {
            if (!DiscussionAccess.opens(viewer, subgroup)) {
                throw new Refused(Refused.Reason.NOT_LEADER);
            }
            return subgroup;
        });
    }

    @Transactional
    public Optional<Thread> thread(Viewer viewer, CommunityRef ref, long id, ZoneId zone) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id)
                .map(d -> thread(viewer, subgroup, d, zone)));
    }

    private Thread thread(Viewer viewer, Community subgroup, Discussion d, ZoneId zone) {
        boolean moderator = DiscussionAccess.moderates(viewer, subgroup);
        List<DiscussionReply> all = DiscussionReply.thread(d.id);
        // Texts are shown as stored when written; only stale ones (not yet re-rendered) need their mentions.
        List<Long> staleOpening = d.renderedCurrent() ? List.of() : List.of(d.id);
        List<Long> staleReplies = all.stream().filter(r -> !r.renderedCurrent()).map(r -> r.id).toList();
        Map<String, Set<String>> mentioned = staleOpening.isEmpty() && staleReplies.isEmpty() ? Map.of()
                : Mention.usernamesIn(DiscussionMention.DISCUSSION, staleOpening, DiscussionMention.REPLY, staleReplies);
        Map<Long, List<DiscussionReply>> answers = new LinkedHashMap<>();
        List<DiscussionReply> top = new ArrayList<>();
        for (DiscussionReply r : all) {
            if (r.parentId == null) {
                top.add(r);
            } else {
                answers.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r);
            }
        }
        List<ReplyView> replies = new ArrayList<>();
        for (DiscussionReply r : top) {
            List<ReplyView> children = new ArrayList<>();
            for (DiscussionReply a : answers.getOrDefault(r.id, List.of())) {
                ReplyView child = view(viewer, d, a, moderator, List.of(), mentioned);
                if (child != null) {
                    children.add(child);
                }
            }
            ReplyView view = view(viewer, d, r, moderator, children, mentioned);
            if (view != null) {
                replies.add(view);
            }
        }
        return thread(viewer, subgroup, d, zone, moderator, mentioned, replies,
                new Paging(1, 1, all.size(), Math.max(1, all.size())), null, false);
    }

    /** The thread around its replies: the opening as the viewer sees it, the conclusion, whether they may reply. */
    private Thread thread(Viewer viewer, Community subgroup, Discussion d, ZoneId zone, boolean moderator,
            Map<String, Set<String>> mentioned, List<ReplyView> replies, Paging paging, Quote answering,
            boolean answerUnknown) {
        LocalDate today = LocalDate.now(zone);
        Explained refusal = DiscussionAccess.replyRefusal(viewer, subgroup, d, today);
        ContentView opening = ContentView.of(d, author(d.author),
                d.html(richText, mentioned.getOrDefault("DISCUSSION:" + d.id, Set.of())), viewer.memberId(),
                DiscussionAccess.editRefusal(viewer, d) == null, DiscussionAccess.deletes(viewer, d), moderator);
        return new Thread(subgroup, summary(d, false), opening, d.conclusion,
                richText.shown(d.conclusion, d.conclusionHtml, d.conclusionHtmlVersion),
                d.closedBy == null ? null : d.closedBy.displayName, d.closedAt, replies, refusal == null,
                d.pastDeadline(today), refusal, paging, answering, answerUnknown);
    }

    /**
     * One page of a discussion for its page: the replies the viewer sees, oldest first,
     * {@link #PAGE_SIZE} a page, flat, each answer quoting the reply it answers. A fixed number of
     * queries whatever the thread's length (subgroup, discussion, count, page, quoted replies, and the
     * mentions of stale texts), reading at most the page's replies and the index entries before them.
     * {@code holding}, when set, asks for the page holding that reply instead of {@code page}; a page
     * past the last is the last. {@code answer}, when set, is the reply the form answers (answer
     * mode): taken from the page when it is there, else read with the quoted replies of other pages
     * (their one query, which it may add).
     */
    @Transactional
    public Optional<Thread> page(Viewer viewer, CommunityRef ref, long id, ZoneId zone, int page, Long holding,
            Long answer) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id).map(d -> {
            int wanted = page;
            if (holding != null) {
                boolean moderator = DiscussionAccess.moderates(viewer, subgroup);
                wanted = DiscussionReply.in(d.id, holding)
                        .map(r -> Paging.of(DiscussionReply.seenBefore(r.id, viewer.memberId(), moderator), PAGE_SIZE))
                        .orElse(1);
            }
            return paged(viewer, subgroup, d, zone, wanted, answer);
        }));
    }

    /** The page of the discussion that holds this reply (where it was, if it is gone from the viewer's sight). */
    @Transactional
    public Optional<Integer> pageOf(Viewer viewer, CommunityRef ref, long id, long replyId) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id)
                .flatMap(d -> DiscussionReply.in(d.id, replyId))
                .map(r -> Paging.of(DiscussionReply.seenBefore(r.id, viewer.memberId(),
                        DiscussionAccess.moderates(viewer, subgroup)), PAGE_SIZE)));
    }

    private Thread paged(Viewer viewer, Community subgroup, Discussion d, ZoneId zone, int requested, Long answer) {
        boolean moderator = DiscussionAccess.moderates(viewer, subgroup);
        long total = DiscussionReply.countSeen(d.id, viewer.memberId(), moderator);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requested), pages);
        List<DiscussionReply> rows = total == 0 ? List.of()
                : DiscussionReply.pageSeen(d.id, viewer.memberId(), moderator, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        Set<Long> onPage = new HashSet<>();
        rows.forEach(r -> onPage.add(r.id));
        Set<Long> quotedIds = new LinkedHashSet<>();
        for (DiscussionReply r : rows) {
            if (r.parentId != null) {
                quotedIds.add(r.parentId);
            }
        }
        if (answer != null) {
            // Read with the quotes of other pages, in their query (none more when it is on the page).
            quotedIds.add(answer);
        }
        Map<Long, DiscussionReply> quoted = new HashMap<>();
        for (DiscussionReply r : rows) {
            quoted.put(r.id, r);
        }
        List<Long> elsewhere = quotedIds.stream().filter(q -> !onPage.contains(q)).toList();
        if (!elsewhere.isEmpty()) {
            DiscussionReply.quoted(d.id, elsewhere).forEach(q -> quoted.put(q.id, q));
        }
        List<Long> staleOpening = d.renderedCurrent() ? List.of() : List.of(d.id);
        List<Long> staleReplies = rows.stream().filter(r -> !r.renderedCurrent()).map(r -> r.id).toList();
        Map<String, Set<String>> mentioned = staleOpening.isEmpty() && staleReplies.isEmpty() ? Map.of()
                : Mention.usernamesIn(DiscussionMention.DISCUSSION, staleOpening, DiscussionMention.REPLY, staleReplies);
        List<ReplyView> replies = new ArrayList<>(rows.size());
        for (DiscussionReply r : rows) {
            Quote quote = r.parentId == null ? null
                    : quote(viewer, quoted.get(r.parentId), r.parentId, moderator, onPage.contains(r.parentId));
            boolean changes = DiscussionAccess.replyChangeRefusal(viewer, r, d) == null;
            ContentView content = ContentView.of(r, author(r.author),
                    r.html(richText, mentioned.getOrDefault("REPLY:" + r.id, Set.of())), viewer.memberId(),
                    changes, changes, moderator);
            replies.add(new ReplyView(content, r.parentId, false, false, List.of(), quote));
        }
        Quote answering = answer == null ? null : answering(viewer, quoted.get(answer), moderator, onPage);
        return thread(viewer, subgroup, d, zone, moderator, mentioned, replies,
                new Paging(page, pages, total, PAGE_SIZE), answering, answer != null && answering == null);
    }

    /**
     * The reply the page's form answers, quoted; null unless it is a top-level reply of this
     * discussion that the viewer sees (a deleted one, an answer, another discussion's: the form
     * then replies to the discussion). {@code reply} was read with the page or its quotes, among
     * this discussion's replies: null when it is none of them.
     */
    private static Quote answering(Viewer viewer, DiscussionReply reply, boolean moderator, Set<Long> onPage) {
        if (reply == null || reply.parentId != null || reply.getState().isDeleted()
                || !reply.visibleTo(viewer.memberId(), moderator)) {
            return null;
        }
        return new Quote(reply.id, reply.author.displayName, excerpt(reply.body), false, false,
                onPage.contains(reply.id));
    }

    /** The quote of the reply {@code parentId}; only that it is gone when the viewer may not see it. */
    private static Quote quote(Viewer viewer, DiscussionReply parent, long parentId, boolean moderator,
            boolean onPage) {
        if (parent == null || parent.getState().isDeleted()) {
            return new Quote(parentId, null, null, true, false, onPage);
        }
        if (!parent.visibleTo(viewer.memberId(), moderator)) {
            return new Quote(parentId, null, null, false, true, onPage);
        }
        return new Quote(parentId, parent.author.displayName, excerpt(parent.body), false, false, onPage);
    }

    /** The start of a text on one line, cut at a word near {@link #QUOTE_MAX} characters. */
    static String excerpt(String body) {
        String text = body == null ? "" : body.replaceAll("[*_`#>\\[\\]]+", "").replaceAll("\\s+", " ").strip();
        if (text.length() <= QUOTE_MAX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', QUOTE_MAX);
        return text.substring(0, cut > QUOTE_MAX / 2 ? cut : QUOTE_MAX).stripTrailing() + "…";
    }

    /** Null when the reply is gone for this viewer and nothing hangs from it. */
    private ReplyView view(Viewer viewer, Discussion d, DiscussionReply r, boolean moderator, List<ReplyView> children,
            Map<String, Set<String>> mentioned) {
        boolean visible = DiscussionAccess.sees(viewer, r, moderator);
        if (!visible) {
            return children.isEmpty() ? null
                    : new ReplyView(ContentView.of(r, author(r.author), null, viewer.memberId(), false, false, false),
                            r.parentId, true, r.getState().isDeleted(), children, null);
        }
        boolean changes = DiscussionAccess.replyChangeRefusal(viewer, r, d) == null;
        ContentView content = ContentView.of(r, author(r.author),
                r.html(richText, mentioned.getOrDefault("REPLY:" + r.id, Set.of())), viewer.memberId(),
                changes, changes, moderator);
        return new ReplyView(content, r.parentId, false, false, children, null);
    }

    /** Opens a discussion; the answer is its thread as its author sees it. */
    @Transactional
    public Optional<Thread> open(Viewer viewer, CommunityRef ref, DiscussionInput input, ZoneId zone) {
        return subgroup(viewer, ref).map(subgroup -> {
            if (!DiscussionAccess.opens(viewer, subgroup)) {
                throw new Refused(Refused.Reason.NOT_LEADER);
            }
            Discussion d = new Discussion();
            apply(d, validate(input, LocalDate.now(zone), true));
            d.community = subgroup;
            d.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
            d.lastActivityAt = OffsetDateTime.now();
            d.persist();
            d.render(richText, Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(),
                    DiscussionMention.DISCUSSION, d.id, richText.mentions(d.body)));
            AuditLog.record(viewer.memberId(), subgroup.id, "OPEN", "DISCUSSION", d.id, d.title);
            return thread(viewer, subgroup, d, zone);
        });
    }

    @Transactional
    public Optional<Discussion> edit(Viewer viewer, CommunityRef ref, long id, DiscussionInput input, ZoneId zone) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id).map(d -> {
            refuseIf(DiscussionAccess.editRefusal(viewer, d));
            // A deadline already in the past may stay as it was; a new one must not be in the past.
            LocalDate today = LocalDate.now(zone);
            DiscussionInput clean = validate(input, today, false);
            LocalDate newDeadline = parseDate(clean.deadline());
            if (newDeadline != null && newDeadline.isBefore(today) && !newDeadline.equals(d.deadline)) {
                throw new InvalidInput(List.of(new Violation("deadline", Violation.Code.DATE_IN_PAST, 0)));
            }
            apply(d, clean);
            d.changeState().edited();
            d.render(richText, Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(),
                    DiscussionMention.DISCUSSION, d.id, richText.mentions(d.body)));
            return d;
        }));
    }

    /** Replies to the discussion, or answers a top-level reply; the answer is the reply as its author sees it. */
    @Transactional
    public Optional<ReplyView> reply(Viewer viewer, CommunityRef ref, long id, Long parentId, String body,
            ZoneId zone) {
        return post(viewer, ref, id, parentId, body, zone).map(Posted::reply);
    }

    /** A reply just written, with the page of the discussion that holds it. */
    public record Posted(ReplyView reply, int page) {
    }

    /**
     * Replies to the discussion, or answers a top-level reply: the reply as its author sees it and
     * the page it is on (for the page's redirect), without reading the rest of the thread.
     */
    @Transactional
    public Optional<Posted> post(Viewer viewer, CommunityRef ref, long id, Long parentId, String body,
            ZoneId zone) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id).flatMap(d -> {
            refuseIf(DiscussionAccess.replyRefusal(viewer, subgroup, d, LocalDate.now(zone)));
            if (parentId != null) {
                Optional<DiscussionReply> parent = DiscussionReply.live(parentId)
                        .filter(p -> p.discussion.id.equals(d.id));
                if (parent.isEmpty()) {
                    return Optional.empty();
                }
                if (parent.get().parentId != null) {
                    throw new Refused(DiscussionRefusal.TOO_DEEP);
                }
            }
            DiscussionReply reply = new DiscussionReply();
            reply.discussion = d;
            reply.parentId = parentId;
            reply.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
            reply.body = validBody(body);
            reply.persist();
            d.replyCount++;
            d.lastActivityAt = OffsetDateTime.now();
            reply.render(richText, Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(),
                    DiscussionMention.REPLY, reply.id, richText.mentions(reply.body)));
            boolean moderator = DiscussionAccess.moderates(viewer, subgroup);
            ContentView content = ContentView.of(reply, author(Member.findById(viewer.memberId())),
                    reply.html(richText, Set.of()), viewer.memberId(), true, true, moderator);
            return Optional.of(new Posted(new ReplyView(content, parentId, false, false, List.of(), null),
                    Paging.of(DiscussionReply.seenBefore(reply.id, viewer.memberId(), moderator), PAGE_SIZE)));
        }));
    }

    @Transactional
    public Optional<DiscussionReply> editReply(Viewer viewer, CommunityRef ref, long id, long replyId, String body) {
        return subgroup(viewer, ref).flatMap(subgroup -> visibleReply(viewer, subgroup, id, replyId).map(reply -> {
            refuseIf(DiscussionAccess.replyChangeRefusal(viewer, reply, reply.discussion));
            reply.body = validBody(body);
            reply.changeState().edited();
            reply.render(richText, Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(),
                    DiscussionMention.REPLY, reply.id, richText.mentions(reply.body)));
            return reply;
        }));
    }

    @Transactional
    public Optional<DiscussionReply> deleteReply(Viewer viewer, CommunityRef ref, long id, long replyId) {
        return subgroup(viewer, ref).flatMap(subgroup -> visibleReply(viewer, subgroup, id, replyId).map(reply -> {
            refuseIf(DiscussionAccess.replyChangeRefusal(viewer, reply, reply.discussion));
            if (!reply.getState().isHidden()) {
                reply.discussion.replyCount--;
            }
            reply.changeState().delete();
            AuditLog.record(viewer.memberId(), subgroup.id, "DELETE", "REPLY", reply.id, null);
            return reply;
        }));
    }

    @Transactional
    public Optional<Discussion> delete(Viewer viewer, CommunityRef ref, long id) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id).map(d -> {
            if (!DiscussionAccess.deletes(viewer, d)) {
                throw new Refused(Refused.Reason.NOT_AUTHOR);
            }
            d.changeState().delete();
            AuditLog.record(viewer.memberId(), subgroup.id, "DELETE", "DISCUSSION", d.id, d.title);
            return d;
        }));
    }

    @Transactional
    public Optional<Discussion> pin(Viewer viewer, CommunityRef ref, long id, boolean pinned) {
        return moderated(viewer, ref, id, (subgroup, d) -> {
            d.pinnedAt = pinned ? OffsetDateTime.now() : null;
            AuditLog.record(viewer.memberId(), subgroup.id, pinned ? "PIN" : "UNPIN", "DISCUSSION", d.id, null);
        });
    }

    /** Closes with a written conclusion: shown on top, and the thread becomes read-only. */
    @Transactional
    public Optional<Discussion> close(Viewer viewer, CommunityRef ref, long id, String conclusion) {
        return moderated(viewer, ref, id, (subgroup, d) -> {
            String text = Texts.clean(conclusion);
            List<Violation> violations = new ArrayList<>();
            Texts.required(violations, "conclusion", text, Discussion.TEXT_MAX);
            Texts.check(violations);
            d.status = Discussion.Status.CLOSED;
            d.conclusion = text;
            d.conclusionHtml = richText.html(text, Set.of());
            d.conclusionHtmlVersion = RichText.VERSION;
            d.closedAt = OffsetDateTime.now();
            d.closedBy = Member.getEntityManager().getReference(Member.class, viewer.memberId());
            d.lastActivityAt = d.closedAt;
            AuditLog.record(viewer.memberId(), subgroup.id, "CLOSE", "DISCUSSION", d.id, text);
        });
    }

    @Transactional
    public Optional<Discussion> reopen(Viewer viewer, CommunityRef ref, long id) {
        return moderated(viewer, ref, id, (subgroup, d) -> {
            d.status = Discussion.Status.OPEN;
            d.closedAt = null;
            d.closedBy = null;
            d.lastActivityAt = OffsetDateTime.now();
            AuditLog.record(viewer.memberId(), subgroup.id, "REOPEN", "DISCUSSION", d.id, null);
        });
    }

    @Transactional
    public Optional<Discussion> hide(Viewer viewer, CommunityRef ref, long id, String reason, boolean hidden) {
        return moderated(viewer, ref, id,
                (subgroup, d) -> Moderation.apply(viewer, subgroup.id, d, "DISCUSSION", reason, hidden));
    }

    @Transactional
    public Optional<DiscussionReply> hideReply(Viewer viewer, CommunityRef ref, long id, long replyId, String reason,
            boolean hidden) {
        return subgroup(viewer, ref).flatMap(subgroup -> {
            requireModerator(viewer, subgroup);
            return visibleReply(viewer, subgroup, id, replyId).map(reply -> {
                boolean wasHidden = reply.getState().isHidden();
                Moderation.apply(viewer, subgroup.id, reply, "REPLY", reason, hidden);
                if (wasHidden != hidden) {
                    reply.discussion.replyCount += hidden ? -1 : 1;
                }
                return reply;
            });
        });
    }

    /** A moderator's action on a discussion: refused to others before the discussion is looked up. */
    private Optional<Discussion> moderated(Viewer viewer, CommunityRef ref, long id,
            BiConsumer<Community, Discussion> action) {
        return subgroup(viewer, ref).flatMap(subgroup -> {
            requireModerator(viewer, subgroup);
            return visible(viewer, subgroup, id).map(d -> {
                action.accept(subgroup, d);
                return d;
            });
        });
    }

    private Optional<Community> subgroup(Viewer viewer, CommunityRef ref) {
        return ref.find(slug -> communities.findVisible(viewer, slug), id -> communities.findVisible(viewer, id))
                .filter(c -> !c.isGroup());
    }

    private static void requireModerator(Viewer viewer, Community subgroup) {
        if (!DiscussionAccess.moderates(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_MODERATOR);
        }
    }

    private static void refuseIf(Explained reason) {
        if (reason != null) {
            throw new Refused(reason);
        }
    }

    private static Optional<Discussion> visible(Viewer viewer, Community subgroup, long id) {
        boolean moderator = DiscussionAccess.moderates(viewer, subgroup);
        return Discussion.live(id)
                .filter(d -> d.community.id.equals(subgroup.id))
                .filter(d -> DiscussionAccess.sees(viewer, d, moderator));
    }

    private static Optional<DiscussionReply> visibleReply(Viewer viewer, Community subgroup, long id, long replyId) {
        boolean moderator = DiscussionAccess.moderates(viewer, subgroup);
        return visible(viewer, subgroup, id).flatMap(d -> DiscussionReply.live(replyId)
                .filter(r -> r.discussion.id.equals(d.id))
                .filter(r -> DiscussionAccess.sees(viewer, r, moderator)));
    }

    private static void apply(Discussion d, DiscussionInput clean) {
        d.title = clean.title();
        d.agendaTopic = clean.agendaTopic();
        d.body = clean.opening();
        d.deadline = parseDate(clean.deadline());
    }

    static DiscussionInput validate(DiscussionInput input, LocalDate today, boolean newDiscussion) {
        DiscussionInput clean = new DiscussionInput(Texts.clean(input.title()), Texts.clean(input.agendaTopic()),
                Texts.clean(input.opening()), Texts.clean(input.deadline()));
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "title", clean.title(), Discussion.TITLE_MAX);
        Texts.required(violations, "agendaTopic", clean.agendaTopic(), Discussion.TOPIC_MAX);
        Texts.required(violations, "opening", clean.opening(), Discussion.TEXT_MAX);
        if (clean.deadline() != null) {
            try {
                LocalDate deadline = LocalDate.parse(clean.deadline());
                if (newDiscussion && deadline.isBefore(today)) {
                    violations.add(new Violation("deadline", Violation.Code.DATE_IN_PAST, 0));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("deadline", Violation.Code.INVALID_DATE, 0));
            }
        }
        Texts.check(violations);
        return clean;
    }

    private static LocalDate parseDate(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static String validBody(String body) {
        String text = Texts.clean(body);
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "body", text, DiscussionReply.BODY_MAX);
        Texts.check(violations);
        return text;
    }
}
