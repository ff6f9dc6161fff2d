package org.comunidad.post;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Content;
import org.comunidad.platform.content.ContentAuthor;
import org.comunidad.platform.content.ContentView;
import org.comunidad.platform.content.Mention;
import org.comunidad.platform.content.MentionSource;
import org.comunidad.platform.content.Moderation;
import org.comunidad.platform.content.Paging;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.text.RichText;
import org.comunidad.platform.text.RichText.Embed;
import org.comunidad.platform.web.CommunityRef;

import io.quarkus.qute.RawString;

/**
 * Posts of a subgroup, with their comments and reactions: the lookups and actions of its pages
 * and API, each in one transaction that also finds the subgroup. Who may do what is
 * {@link PostAccess}.
 */
@ApplicationScoped
public class PostService {

    public static final int PAGE_SIZE = 20;

    /**
     * A post as the viewer sees it: the post, its subgroup (for links), its players, its comments
     * (or only their number, in the group's feed) and its reactions.
     */
    public record PostView(ContentView content, Community subgroup, List<Embed> embeds, List<ContentView> comments,
            long commentCount, Map<PostReaction.Kind, Long> reactions, Set<PostReaction.Kind> myReactions,
            boolean canWrite, boolean isNew) {

        public long id() {
            return content.id();
        }

        public long reactions(PostReaction.Kind kind) {
            return reactions.getOrDefault(kind, 0L);
        }

        public boolean reacted(PostReaction.Kind kind) {
            return myReactions.contains(kind);
        }
    }

    public record PostPage(Community subgroup, List<PostView> posts, int page, boolean hasNext, boolean canWrite) {
    }

    /** One post with its subgroup, for the post's page. */
    public record PostItemPage(Community subgroup, PostView view) {
    }

    @Inject
    CommunityService communities;

    @Inject
    WhatsNew whatsNew;

    @Inject
    RichText richText;

    /**
     * A page of a subgroup's posts with their comments and reactions: five queries whatever the page
     * holds. The visit counts for "what's new" when {@code visit} is set (the page, not the API).
     */
    @Transactional
    public Optional<PostPage> page(Viewer viewer, CommunityRef ref, int page, boolean visit) {
        return subgroup(viewer, ref).map(subgroup -> {
            OffsetDateTime seen = visit
                    ? whatsNew.visit(viewer.memberId(), subgroup.id, PostContributions.TAB).orElse(null)
                    : null;
            Paging paging = Paging.of(page, PAGE_SIZE);
            boolean moderator = PostAccess.moderates(viewer, subgroup);
            List<Post> posts = Post.page(subgroup.id, viewer.memberId(), moderator, paging.offset(),
                    paging.limitWithNext());
            boolean hasNext = posts.size() > PAGE_SIZE;
            posts = posts.subList(0, Math.min(posts.size(), PAGE_SIZE));
            return new PostPage(subgroup, views(viewer, posts, true, seen), paging.page(), hasNext,
                    PostAccess.writes(viewer, subgroup));
        });
    }

    /**
     * Views of posts (of one or several subgroups): comments, counts and reactions in one query each.
     * Without comments (the group's feed) a view is a summary: the text and the comment count, no
     * comments, reactions or players, which the feed does not show.
     */
    public List<PostView> views(Viewer viewer, List<Post> posts, boolean withComments, OffsetDateTime seenBefore) {
        List<Long> ids = posts.stream().map(p -> p.id).toList();
        List<Long> moderated = posts.stream().map(p -> p.community).distinct()
                .filter(c -> PostAccess.moderates(viewer, c)).map(c -> c.id).toList();
        Map<Long, List<ContentView>> comments = new HashMap<>();
        List<PostComment> loaded = withComments ? PostComment.ofPosts(ids, viewer.memberId(), moderated) : List.of();
        // Texts are shown as stored when written; only stale ones (not yet re-rendered) need their mentions.
        List<Long> stalePosts = posts.stream().filter(p -> !p.renderedCurrent()).map(p -> p.id).toList();
        List<Long> staleComments = loaded.stream().filter(c -> !c.renderedCurrent()).map(c -> c.id).toList();
        Map<String, Set<String>> mentioned = stalePosts.isEmpty() && staleComments.isEmpty() ? Map.of()
                : Mention.usernamesIn(PostMention.POST, stalePosts, PostMention.COMMENT, staleComments);
        for (PostComment c : loaded) {
            comments.computeIfAbsent(c.post.id, k -> new ArrayList<>()).add(view(viewer, c,
                    c.html(richText, mentioned.getOrDefault("COMMENT:" + c.id, Set.of())),
                    moderated.contains(c.post.community.id)));
        }
        Map<Long, Long> commentCounts = withComments ? Map.of()
                : PostComment.countsOf(ids);
        Map<Long, Map<PostReaction.Kind, Long>> reactions = withComments ? PostReaction.countsOf(ids) : Map.of();
        Map<Long, Set<PostReaction.Kind>> mine = withComments ? PostReaction.mineOn(ids, viewer.memberId()) : Map.of();
        List<PostView> views = new ArrayList<>();
        for (Post p : posts) {
            List<ContentView> own = comments.getOrDefault(p.id, List.of());
            boolean isMine = p.isBy(viewer.memberId());
            ContentView content = view(viewer, p,
                    p.html(richText, mentioned.getOrDefault("POST:" + p.id, Set.of())),
                    moderated.contains(p.community.id));
            views.add(new PostView(content, p.community, withComments ? richText.embeds(p.body) : List.of(), own,
                    withComments ? own.size() : commentCounts.getOrDefault(p.id, 0L),
                    reactions.getOrDefault(p.id, new EnumMap<>(PostReaction.Kind.class)),
                    mine.getOrDefault(p.id, EnumSet.noneOf(PostReaction.Kind.class)),
                    PostAccess.writes(viewer, p.community),
                    seenBefore != null && !isMine && p.createdAt.isAfter(seenBefore)));
        }
        return views;
    }

    private static ContentView view(Viewer viewer, Content<Member> content, RawString html, boolean moderator) {
        boolean edits = PostAccess.edits(viewer, content);
        return ContentView.of(content, author(content.author), html, viewer.memberId(), edits, edits, moderator);
    }

    static ContentAuthor author(Member m) {
        return new ContentAuthor(m.id, m.displayName, m.country == null ? null : m.country.code,
                m.country == null ? null : m.country.name, m.institution);
    }

    @Transactional
    public Optional<PostItemPage> find(Viewer viewer, CommunityRef ref, long id) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id)
                .map(p -> new PostItemPage(subgroup, views(viewer, List.of(p), true, null).get(0))));
    }

    /** Writes a post; the answer is the post as its author sees it. */
    @Transactional
    public Optional<PostView> create(Viewer viewer, CommunityRef ref, String body) {
        return subgroup(viewer, ref).map(subgroup -> {
            requireWriter(viewer, subgroup);
            String text = validBody(body, Post.BODY_MAX);
            Post post = new Post();
            post.community = subgroup;
            post.groupId = subgroup.groupId();
            post.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
            post.body = text;
            post.persist();
            post.render(richText, Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), PostMention.POST,
                    post.id, richText.mentions(text)));
            return views(viewer, List.of(post), true, null).get(0);
        });
    }

    @Transactional
    public Optional<Post> edit(Viewer viewer, CommunityRef ref, long id, String body) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id)
                .map(post -> editText(viewer, subgroup, post, body, Post.BODY_MAX, PostMention.POST)));
    }

    /** The author's new text for a post or a comment, with the members it now mentions. */
    private <C extends Content<Member>> C editText(Viewer viewer, Community subgroup, C content, String body, int max,
            MentionSource source) {
        requireAuthor(PostAccess.edits(viewer, content));
        content.body = validBody(body, max);
        content.changeState().edited();
        content.render(richText, Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(), source,
                content.id, richText.mentions(content.body)));
        return content;
    }

    @Transactional
    public Optional<Post> delete(Viewer viewer, CommunityRef ref, long id) {
        return subgroup(viewer, ref).flatMap(subgroup -> visible(viewer, subgroup, id)
                .map(post -> deleteText(viewer, subgroup, post, "POST")));
    }

    /** The author deletes a post or a comment, with its audit record. */
    private static <C extends Content<Member>> C deleteText(Viewer viewer, Community subgroup, C content,
            String targetType) {
        requireAuthor(PostAccess.edits(viewer, content));
        content.changeState().delete();
        AuditLog.record(viewer.memberId(), subgroup.id, "DELETE", targetType, content.id, null);
        return content;
    }

    /** Comments on a post; the answer is the comment as its author sees it. */
    @Transactional
    public Optional<ContentView> comment(Viewer viewer, CommunityRef ref, long postId, String body) {
        return subgroup(viewer, ref).flatMap(subgroup -> {
            requireWriter(viewer, subgroup);
            return visible(viewer, subgroup, postId).map(post -> {
                PostComment comment = new PostComment();
                comment.post = post;
                comment.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
                comment.body = validBody(body, PostComment.BODY_MAX);
                comment.persist();
                comment.render(richText, Mention.record(subgroup.id, subgroup.groupId(), viewer.memberId(),
                        PostMention.COMMENT, comment.id, richText.mentions(comment.body)));
                return views(viewer, List.of(post), true, null).get(0).comments().stream()
                        .filter(c -> c.id() == comment.id).findFirst().orElseThrow();
            });
        });
    }

    @Transactional
    public Optional<PostComment> editComment(Viewer viewer, CommunityRef ref, long commentId, String body) {
        return subgroup(viewer, ref).flatMap(subgroup -> visibleComment(viewer, subgroup, commentId)
                .map(comment -> editText(viewer, subgroup, comment, body, PostComment.BODY_MAX, PostMention.COMMENT)));
    }

    @Transactional
    public Optional<PostComment> deleteComment(Viewer viewer, CommunityRef ref, long commentId) {
        return subgroup(viewer, ref).flatMap(subgroup -> visibleComment(viewer, subgroup, commentId)
                .map(comment -> deleteText(viewer, subgroup, comment, "COMMENT")));
    }

    /** Adds the reaction, or takes it back if the member had given it. The answer: whether it is now on. */
    @Transactional
    public Optional<Boolean> react(Viewer viewer, CommunityRef ref, long postId, PostReaction.Kind kind) {
        return subgroup(viewer, ref).flatMap(subgroup -> {
            requireWriter(viewer, subgroup);
            return visible(viewer, subgroup, postId).map(post -> {
                long removed = PostReaction.delete("postId = ?1 and memberId = ?2 and kind = ?3", post.id,
                        viewer.memberId(), kind);
                if (removed > 0) {
                    return false;
                }
                PostReaction reaction = new PostReaction();
                reaction.postId = post.id;
                reaction.memberId = viewer.memberId();
                reaction.kind = kind;
                reaction.persist();
                return true;
            });
        });
    }

    @Transactional
    public Optional<Post> hide(Viewer viewer, CommunityRef ref, long id, String reason, boolean hidden) {
        return subgroup(viewer, ref).flatMap(subgroup -> {
            requireModerator(viewer, subgroup);
            return visible(viewer, subgroup, id).map(post -> {
                Moderation.apply(viewer, subgroup.id, post, "POST", reason, hidden);
                return post;
            });
        });
    }

    @Transactional
    public Optional<PostComment> hideComment(Viewer viewer, CommunityRef ref, long commentId, String reason,
            boolean hidden) {
        return subgroup(viewer, ref).flatMap(subgroup -> {
            requireModerator(viewer, subgroup);
            return visibleComment(viewer, subgroup, commentId).map(comment -> {
                Moderation.apply(viewer, subgroup.id, comment, "COMMENT", reason, hidden);
                return comment;
            });
        });
    }

    private Optional<Community> subgroup(Viewer viewer, CommunityRef ref) {
        return ref.find(slug -> communities.findVisible(viewer, slug), id -> communities.findVisible(viewer, id))
                .filter(c -> !c.isGroup());
    }

    private static Optional<Post> visible(Viewer viewer, Community subgroup, long id) {
        boolean moderator = PostAccess.moderates(viewer, subgroup);
        return Post.live(id)
                .filter(p -> p.community.id.equals(subgroup.id))
                .filter(p -> PostAccess.sees(viewer, p, moderator));
    }

    private static Optional<PostComment> visibleComment(Viewer viewer, Community subgroup, long commentId) {
        boolean moderator = PostAccess.moderates(viewer, subgroup);
        return PostComment.live(commentId)
                .filter(c -> c.post.community.id.equals(subgroup.id))
                .filter(c -> PostAccess.sees(viewer, c.post, moderator))
                .filter(c -> PostAccess.sees(viewer, c, moderator));
    }

    private static void requireWriter(Viewer viewer, Community subgroup) {
        if (!PostAccess.writes(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_SUBGROUP_MEMBER);
        }
    }

    private static void requireModerator(Viewer viewer, Community subgroup) {
        if (!PostAccess.moderates(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_MODERATOR);
        }
    }

    private static void requireAuthor(boolean allowed) {
        if (!allowed) {
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
