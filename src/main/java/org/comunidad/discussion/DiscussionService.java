package org.comunidad.discussion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.ContentState;
import org.comunidad.platform.content.Mention;
import org.comunidad.platform.content.Moderation;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.text.RichText;

import io.quarkus.qute.RawString;

/**
 * Formal discussions of a subgroup. Only its leader or the group's coordinator opens,
 * pins, closes (with a written conclusion) and reopens one; members of the subgroup
 * (and the coordinator) reply while it is open and before its deadline. A thread is
 * read in two queries whatever its length.
 */
@ApplicationScoped
public class DiscussionService {

    /** How many discussions each list shows. */
    public static final int LIST_LIMIT = 100;

    public record DiscussionInput(String title, String agendaTopic, String opening, String deadline) {
    }

    public record Summary(Discussion discussion, boolean isNew) {
    }

    public record Lists(List<Summary> open, List<Summary> closed, boolean canOpen) {
    }

    /** A reply as the viewer sees it; a placeholder when it was deleted or hidden but has answers. */
    public record ReplyView(DiscussionReply reply, RawString html, boolean placeholder, boolean mine,
            boolean canModerate, List<ReplyView> answers) {
    }

    /** canEdit: the viewer may edit the opening (its author, while the discussion is open). */
    public record Thread(Discussion discussion, RawString opening, RawString conclusion, List<ReplyView> replies,
            boolean canReply, boolean canModerate, boolean mine, boolean canEdit, boolean pastDeadline,
            org.comunidad.platform.content.Explained replyRefusal) {
    }

    @Inject
    RichText richText;

    public static boolean canOpen(Viewer viewer, Community subgroup) {
        return !subgroup.isGroup() && CommunityAccess.moderates(viewer, subgroup);
    }

    @Transactional
    public Lists lists(Viewer viewer, Community subgroup, OffsetDateTime seenBefore) {
        boolean moderator = CommunityAccess.moderates(viewer, subgroup);
        return new Lists(
                summaries(Discussion.in(subgroup.id, Discussion.Status.OPEN, viewer.memberId(), moderator, LIST_LIMIT),
                        viewer, seenBefore),
                summaries(Discussion.in(subgroup.id, Discussion.Status.CLOSED, viewer.memberId(), moderator, LIST_LIMIT),
                        viewer, seenBefore),
                canOpen(viewer, subgroup));
    }

    private static List<Summary> summaries(List<Discussion> discussions, Viewer viewer, OffsetDateTime seenBefore) {
        return discussions.stream().map(d -> new Summary(d, seenBefore != null && d.lastActivityAt.isAfter(seenBefore)
                && d.author.id != viewer.memberId())).toList();
    }

    @Transactional
    public Optional<Thread> thread(Viewer viewer, Community subgroup, long id, ZoneId zone) {
        return visibleOptional(viewer, subgroup, id).map(d -> thread(viewer, subgroup, d, zone));
    }

    private Thread thread(Viewer viewer, Community subgroup, Discussion d, ZoneId zone) {
        boolean moderator = CommunityAccess.moderates(viewer, subgroup);
        List<DiscussionReply> all = DiscussionReply.thread(d.id);
        Map<String, java.util.Set<String>> mentioned = Mention.usernamesIn(Mention.Source.DISCUSSION, List.of(d.id),
                Mention.Source.REPLY, all.stream().map(r -> r.id).toList());
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
                ReplyView child = view(viewer, a, moderator, List.of(), mentioned);
                if (child != null) {
                    children.add(child);
                }
            }
            ReplyView view = view(viewer, r, moderator, children, mentioned);
            if (view != null) {
                replies.add(view);
            }
        }
        var refusal = replyRefusal(viewer, subgroup, d, LocalDate.now(zone));
        boolean mine = d.author.id == viewer.memberId();
        return new Thread(d, richText.render(d.opening, mentioned.getOrDefault("DISCUSSION:" + d.id, java.util.Set.of())),
                d.conclusion == null ? null : richText.render(d.conclusion),
                replies, refusal == null, moderator, mine, editRefusal(viewer, d) == null,
                d.pastDeadline(LocalDate.now(zone)), refusal);
    }

    /** Null when the reply is gone for this viewer and nothing hangs from it. */
    private ReplyView view(Viewer viewer, DiscussionReply r, boolean moderator, List<ReplyView> children,
            Map<String, java.util.Set<String>> mentioned) {
        boolean mine = r.author.id == viewer.memberId();
        boolean visible = r.getState().visibleTo(viewer.memberId(), r.author.id, moderator);
        if (!visible) {
            return children.isEmpty() ? null : new ReplyView(r, null, true, false, false, children);
        }
        return new ReplyView(r, richText.render(r.body, mentioned.getOrDefault("REPLY:" + r.id, java.util.Set.of())),
                false, mine, moderator, children);
    }

    /** Why the viewer may not reply now, or null if they may. */
    static org.comunidad.platform.content.Explained replyRefusal(Viewer viewer, Community subgroup, Discussion d, LocalDate today) {
        if (!CommunityAccess.writesIn(viewer, subgroup)) {
            return Refused.Reason.NOT_SUBGROUP_MEMBER;
        }
        if (!d.isOpen()) {
            return DiscussionRefusal.DISCUSSION_CLOSED;
        }
        if (d.pastDeadline(today) && !CommunityAccess.moderates(viewer, subgroup)) {
            return DiscussionRefusal.DEADLINE_PASSED;
        }
        return null;
    }

    /**
     * Why the viewer may not edit the opening, or null if they may: only its author, and
     * only while the discussion is open. Closed, it is frozen with its conclusion, as the
     * replies are; its leader or coordinator may reopen it (moderation is unchanged).
     */
    static org.comunidad.platform.content.Explained editRefusal(Viewer viewer, Discussion d) {
        if (d.author.id != viewer.memberId()) {
            return Refused.Reason.NOT_AUTHOR;
        }
        if (!d.isOpen()) {
            return DiscussionRefusal.DISCUSSION_CLOSED;
        }
        return null;
    }

    @Transactional
    public Discussion open(Viewer viewer, Community subgroup, DiscussionInput input, ZoneId zone) {
        if (!canOpen(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_LEADER);
        }
        Discussion d = new Discussion();
        apply(d, validate(input, LocalDate.now(zone), true));
        d.community = subgroup;
        d.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
        d.lastActivityAt = OffsetDateTime.now();
        d.persist();
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.DISCUSSION, d.id,
                richText.mentions(d.opening));
        AuditLog.record(viewer.memberId(), subgroup.id, "OPEN", "DISCUSSION", d.id, d.title);
        return d;
    }

    @Transactional
    public Discussion edit(Viewer viewer, Community subgroup, long id, DiscussionInput input, ZoneId zone) {
        Discussion d = visible(viewer, subgroup, id);
        var refusal = editRefusal(viewer, d);
        if (refusal != null) {
            throw new Refused(refusal);
        }
        // A deadline already in the past may stay as it was; a new one must not be in the past.
        LocalDate today = LocalDate.now(zone);
        DiscussionInput clean = validate(input, today, false);
        LocalDate newDeadline = parseDate(clean.deadline());
        if (newDeadline != null && newDeadline.isBefore(today) && !newDeadline.equals(d.deadline)) {
            throw new org.comunidad.platform.content.InvalidInput(
                    List.of(new Violation("deadline", Violation.Code.DATE_IN_PAST, 0)));
        }
        apply(d, clean);
        d.changeState().edited();
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.DISCUSSION, d.id,
                richText.mentions(d.opening));
        return d;
    }

    @Transactional
    public DiscussionReply reply(Viewer viewer, Community subgroup, long id, Long parentId, String body, ZoneId zone) {
        Discussion d = visible(viewer, subgroup, id);
        var refusal = replyRefusal(viewer, subgroup, d, LocalDate.now(zone));
        if (refusal != null) {
            throw new Refused(refusal);
        }
        if (parentId != null) {
            DiscussionReply parent = DiscussionReply.live(parentId)
                    .filter(p -> p.discussion.id.equals(d.id))
                    .orElseThrow(NotFoundException::new);
            if (parent.parentId != null) {
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
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.REPLY, reply.id,
                richText.mentions(reply.body));
        return reply;
    }

    @Transactional
    public DiscussionReply editReply(Viewer viewer, Community subgroup, long id, long replyId, String body) {
        DiscussionReply reply = visibleReply(viewer, subgroup, id, replyId);
        if (reply.author.id != viewer.memberId()) {
            throw new Refused(Refused.Reason.NOT_AUTHOR);
        }
        if (!reply.discussion.isOpen()) {
            throw new Refused(DiscussionRefusal.DISCUSSION_CLOSED);
        }
        reply.body = validBody(body);
        reply.changeState().edited();
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.REPLY, reply.id,
                richText.mentions(reply.body));
        return reply;
    }

    @Transactional
    public void deleteReply(Viewer viewer, Community subgroup, long id, long replyId) {
        DiscussionReply reply = visibleReply(viewer, subgroup, id, replyId);
        if (reply.author.id != viewer.memberId()) {
            throw new Refused(Refused.Reason.NOT_AUTHOR);
        }
        if (!reply.discussion.isOpen()) {
            throw new Refused(DiscussionRefusal.DISCUSSION_CLOSED);
        }
        if (!reply.getState().isHidden()) {
            reply.discussion.replyCount--;
        }
        reply.changeState().delete();
        AuditLog.record(viewer.memberId(), subgroup.id, "DELETE", "REPLY", reply.id, null);
    }

    @Transactional
    public void delete(Viewer viewer, Community subgroup, long id) {
        Discussion d = visible(viewer, subgroup, id);
        if (d.author.id != viewer.memberId()) {
            throw new Refused(Refused.Reason.NOT_AUTHOR);
        }
        d.changeState().delete();
        AuditLog.record(viewer.memberId(), subgroup.id, "DELETE", "DISCUSSION", d.id, d.title);
    }

    @Transactional
    public void pin(Viewer viewer, Community subgroup, long id, boolean pinned) {
        Discussion d = moderated(viewer, subgroup, id);
        d.pinnedAt = pinned ? OffsetDateTime.now() : null;
        AuditLog.record(viewer.memberId(), subgroup.id, pinned ? "PIN" : "UNPIN", "DISCUSSION", d.id, null);
    }

    /** Closes with a written conclusion: shown on top, and the thread becomes read-only. */
    @Transactional
    public void close(Viewer viewer, Community subgroup, long id, String conclusion) {
        Discussion d = moderated(viewer, subgroup, id);
        String text = Texts.clean(conclusion);
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "conclusion", text, Discussion.TEXT_MAX);
        Texts.check(violations);
        d.status = Discussion.Status.CLOSED;
        d.conclusion = text;
        d.closedAt = OffsetDateTime.now();
        d.closedBy = Member.getEntityManager().getReference(Member.class, viewer.memberId());
        d.lastActivityAt = d.closedAt;
        AuditLog.record(viewer.memberId(), subgroup.id, "CLOSE", "DISCUSSION", d.id, text);
    }

    @Transactional
    public void reopen(Viewer viewer, Community subgroup, long id) {
        Discussion d = moderated(viewer, subgroup, id);
        d.status = Discussion.Status.OPEN;
        d.closedAt = null;
        d.closedBy = null;
        d.lastActivityAt = OffsetDateTime.now();
        AuditLog.record(viewer.memberId(), subgroup.id, "REOPEN", "DISCUSSION", d.id, null);
    }

    @Transactional
    public void hide(Viewer viewer, Community subgroup, long id, String reason, boolean hidden) {
        Discussion d = moderated(viewer, subgroup, id);
        Moderation.apply(viewer, subgroup.id, d.changeState(), "DISCUSSION", d.id, reason, hidden);
    }

    @Transactional
    public void hideReply(Viewer viewer, Community subgroup, long id, long replyId, String reason, boolean hidden) {
        if (!CommunityAccess.moderates(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_MODERATOR);
        }
        DiscussionReply reply = visibleReply(viewer, subgroup, id, replyId);
        boolean wasHidden = reply.getState().isHidden();
        Moderation.apply(viewer, subgroup.id, reply.changeState(), "REPLY", reply.id, reason, hidden);
        if (wasHidden != hidden) {
            reply.discussion.replyCount += hidden ? -1 : 1;
        }
    }


    private Discussion moderated(Viewer viewer, Community subgroup, long id) {
        if (!CommunityAccess.moderates(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_MODERATOR);
        }
        return visible(viewer, subgroup, id);
    }

    private Optional<Discussion> visibleOptional(Viewer viewer, Community subgroup, long id) {
        boolean moderator = CommunityAccess.moderates(viewer, subgroup);
        return Discussion.live(id)
                .filter(d -> d.community.id.equals(subgroup.id))
                .filter(d -> d.getState().visibleTo(viewer.memberId(), d.author.id, moderator));
    }

    private Discussion visible(Viewer viewer, Community subgroup, long id) {
        return visibleOptional(viewer, subgroup, id).orElseThrow(NotFoundException::new);
    }

    private DiscussionReply visibleReply(Viewer viewer, Community subgroup, long id, long replyId) {
        Discussion d = visible(viewer, subgroup, id);
        boolean moderator = CommunityAccess.moderates(viewer, subgroup);
        return DiscussionReply.live(replyId)
                .filter(r -> r.discussion.id.equals(d.id))
                .filter(r -> r.getState().visibleTo(viewer.memberId(), r.author.id, moderator))
                .orElseThrow(NotFoundException::new);
    }

    private static void apply(Discussion d, DiscussionInput clean) {
        d.title = clean.title();
        d.agendaTopic = clean.agendaTopic();
        d.opening = clean.opening();
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
