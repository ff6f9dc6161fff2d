package org.comunidad.post;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Mention;
import org.comunidad.platform.content.Moderation;
import org.comunidad.platform.content.Paging;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.text.RichText;
import org.comunidad.platform.text.RichText.Embed;

import io.quarkus.qute.RawString;

/**
 * Posts of a subgroup. Every member of the working group reads them; members of the
 * subgroup and the group's coordinator write, comment and react; the subgroup's
 * leader and the coordinator hide (with a reason, in the audit log).
 */
@ApplicationScoped
public class PostService {

    public static final int PAGE_SIZE = 20;

    public record CommentView(PostComment comment, RawString html, boolean mine, boolean canModerate) {
    }

    public record PostView(Post post, RawString html, List<Embed> embeds, List<CommentView> comments, long commentCount,
            Map<PostReaction.Kind, Long> reactions, Set<PostReaction.Kind> myReactions, boolean mine,
            boolean canModerate, boolean canWrite, boolean isNew) {

        public long reactions(PostReaction.Kind kind) {
            return reactions.getOrDefault(kind, 0L);
        }

        public boolean reacted(PostReaction.Kind kind) {
            return myReactions.contains(kind);
        }
    }

    public record PostPage(List<PostView> posts, int page, boolean hasNext, boolean canWrite) {
    }

    @Inject
    RichText richText;

    public static boolean canWrite(Viewer viewer, Community subgroup) {
        return !subgroup.isGroup() && CommunityAccess.writesIn(viewer, subgroup);
    }

    /** A page of a subgroup's posts with their comments and reactions: five queries whatever the page holds. */
    @Transactional
    public PostPage page(Viewer viewer, Community subgroup, int page, OffsetDateTime seenBefore) {
        Paging paging = Paging.of(page, PAGE_SIZE);
        int current = paging.page();
        boolean moderator = CommunityAccess.moderates(viewer, subgroup);
        List<Post> posts = Post.page(subgroup.id, viewer.memberId(), moderator, paging.offset(), paging.limitWithNext());
        boolean hasNext = posts.size() > PAGE_SIZE;
        posts = posts.subList(0, Math.min(posts.size(), PAGE_SIZE));
        return new PostPage(views(viewer, posts, true, seenBefore), current, hasNext, canWrite(viewer, subgroup));
    }

    /**
     * Views of posts (of one or several subgroups): comments, counts and reactions in one query each.
     * Without comments (the group's feed) a view is a summary: the text and the comment count, no
     * comments, reactions or players, which the feed does not show.
     */
    public List<PostView> views(Viewer viewer, List<Post> posts, boolean withComments, OffsetDateTime seenBefore) {
        List<Long> ids = posts.stream().map(p -> p.id).toList();
        List<Long> moderated = posts.stream().map(p -> p.community).distinct()
                .filter(c -> CommunityAccess.moderates(viewer, c)).map(c -> c.id).toList();
        Map<Long, List<CommentView>> comments = new java.util.HashMap<>();
        List<PostComment> loaded = withComments ? PostComment.ofPosts(ids, viewer.memberId(), moderated) : List.of();
        Map<String, Set<String>> mentioned = Mention.usernamesIn(Mention.Source.POST, ids, Mention.Source.COMMENT,
                loaded.stream().map(c -> c.id).toList());
        for (PostComment c : loaded) {
            comments.computeIfAbsent(c.post.id, k -> new ArrayList<>()).add(new CommentView(c,
                    richText.render(c.body, mentioned.getOrDefault("COMMENT:" + c.id, Set.of())),
                    c.author.id == viewer.memberId(), moderated.contains(c.post.community.id)));
        }
        Map<Long, Long> commentCounts = withComments ? Map.of() : PostComment.countsOf(ids);
        Map<Long, Map<PostReaction.Kind, Long>> reactions = withComments ? PostReaction.countsOf(ids) : Map.of();
        Map<Long, Set<PostReaction.Kind>> mine = withComments ? PostReaction.mineOn(ids, viewer.memberId()) : Map.of();
        List<PostView> views = new ArrayList<>();
        for (Post p : posts) {
            List<CommentView> own = comments.getOrDefault(p.id, List.of());
            boolean isMine = p.author.id == viewer.memberId();
            views.add(new PostView(p, richText.render(p.body, mentioned.getOrDefault("POST:" + p.id, Set.of())),
                    withComments ? richText.embeds(p.body) : List.of(), own,
                    withComments ? own.size() : commentCounts.getOrDefault(p.id, 0L),
                    reactions.getOrDefault(p.id, new EnumMap<>(PostReaction.Kind.class)),
                    mine.getOrDefault(p.id, EnumSet.noneOf(PostReaction.Kind.class)), isMine,
                    moderated.contains(p.community.id), canWrite(viewer, p.community),
                    seenBefore != null && !isMine && p.createdAt.isAfter(seenBefore)));
        }
        return views;
    }

    @Transactional
    public Optional<PostView> find(Viewer viewer, Community subgroup, long id) {
        return visibleOptional(viewer, subgroup, id).map(p -> views(viewer, List.of(p), true, null).get(0));
    }

    @Transactional
    public Post create(Viewer viewer, Community subgroup, String body) {
        requireWriter(viewer, subgroup);
        String text = validBody(body, Post.BODY_MAX);
        Post post = new Post();
        post.community = subgroup;
        post.groupId = subgroup.groupId();
        post.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
        post.body = text;
        post.persist();
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.POST, post.id,
                richText.mentions(text));
        return post;
    }

    @Transactional
    public Post edit(Viewer viewer, Community subgroup, long id, String body) {
        Post post = visible(viewer, subgroup, id);
        requireAuthor(viewer, post.author.id);
        post.body = validBody(body, Post.BODY_MAX);
        post.changeState().edited();
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.POST, post.id,
                richText.mentions(post.body));
        return post;
    }

    @Transactional
    public void delete(Viewer viewer, Community subgroup, long id) {
        Post post = visible(viewer, subgroup, id);
        requireAuthor(viewer, post.author.id);
        post.changeState().delete();
        AuditLog.record(viewer.memberId(), subgroup.id, "DELETE", "POST", post.id, null);
    }

    @Transactional
    public PostComment comment(Viewer viewer, Community subgroup, long postId, String body) {
        requireWriter(viewer, subgroup);
        Post post = visible(viewer, subgroup, postId);
        PostComment comment = new PostComment();
        comment.post = post;
        comment.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
        comment.body = validBody(body, PostComment.BODY_MAX);
        comment.persist();
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.COMMENT, comment.id,
                richText.mentions(comment.body));
        return comment;
    }

    @Transactional
    public PostComment editComment(Viewer viewer, Community subgroup, long commentId, String body) {
        PostComment comment = visibleComment(viewer, subgroup, commentId);
        requireAuthor(viewer, comment.author.id);
        comment.body = validBody(body, PostComment.BODY_MAX);
        comment.changeState().edited();
        Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), Mention.Source.COMMENT, comment.id,
                richText.mentions(comment.body));
        return comment;
    }

    @Transactional
    public void deleteComment(Viewer viewer, Community subgroup, long commentId) {
        PostComment comment = visibleComment(viewer, subgroup, commentId);
        requireAuthor(viewer, comment.author.id);
        comment.changeState().delete();
        AuditLog.record(viewer.memberId(), subgroup.id, "DELETE", "COMMENT", comment.id, null);
    }

    /** Adds the reaction, or takes it back if the member had given it. Returns whether it is now on. */
    @Transactional
    public boolean react(Viewer viewer, Community subgroup, long postId, PostReaction.Kind kind) {
        requireWriter(viewer, subgroup);
        Post post = visible(viewer, subgroup, postId);
        long removed = PostReaction.delete("postId = ?1 and memberId = ?2 and kind = ?3", post.id, viewer.memberId(), kind);
        if (removed > 0) {
            return false;
        }
        PostReaction reaction = new PostReaction();
        reaction.postId = post.id;
        reaction.memberId = viewer.memberId();
        reaction.kind = kind;
        reaction.persist();
        return true;
    }

    @Transactional
    public void hide(Viewer viewer, Community subgroup, long id, String reason, boolean hidden) {
        requireModerator(viewer, subgroup);
        Post post = visible(viewer, subgroup, id);
        Moderation.apply(viewer, subgroup.id, post.changeState(), "POST", post.id, reason, hidden);
    }

    @Transactional
    public void hideComment(Viewer viewer, Community subgroup, long commentId, String reason, boolean hidden) {
        requireModerator(viewer, subgroup);
        PostComment comment = visibleComment(viewer, subgroup, commentId);
        Moderation.apply(viewer, subgroup.id, comment.changeState(), "COMMENT", comment.id, reason, hidden);
    }


    private Optional<Post> visibleOptional(Viewer viewer, Community subgroup, long id) {
        boolean moderator = CommunityAccess.moderates(viewer, subgroup);
        return Post.live(id)
                .filter(p -> p.community.id.equals(subgroup.id))
                .filter(p -> p.getState().visibleTo(viewer.memberId(), p.author.id, moderator));
    }

    private Post visible(Viewer viewer, Community subgroup, long id) {
        return visibleOptional(viewer, subgroup, id).orElseThrow(NotFoundException::new);
    }

    private PostComment visibleComment(Viewer viewer, Community subgroup, long commentId) {
        boolean moderator = CommunityAccess.moderates(viewer, subgroup);
        return PostComment.live(commentId)
                .filter(c -> c.post.community.id.equals(subgroup.id))
                .filter(c -> c.post.getState().visibleTo(viewer.memberId(), c.post.author.id, moderator))
                .filter(c -> c.getState().visibleTo(viewer.memberId(), c.author.id, moderator))
                .orElseThrow(NotFoundException::new);
    }

    private static void requireWriter(Viewer viewer, Community subgroup) {
        if (!canWrite(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_SUBGROUP_MEMBER);
        }
    }

    private static void requireModerator(Viewer viewer, Community subgroup) {
        if (!CommunityAccess.moderates(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_MODERATOR);
        }
    }

    private static void requireAuthor(Viewer viewer, long authorId) {
        if (authorId != viewer.memberId()) {
            throw new Refused(Refused.Reason.NOT_AUTHOR);
        }
    }

    private static String validBody(String body, int max) {
        String text = Texts.clean(body);
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "body", text, max);
        Texts.check(violations);
        return text;
    }
}
