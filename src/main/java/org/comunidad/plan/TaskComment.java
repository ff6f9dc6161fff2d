package org.comunidad.plan;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.member.Member;
import org.comunidad.platform.persistence.BaseEntity;

/** A comment on a task, in plain text. */
@Entity
@Table(name = "task_comment")
public class TaskComment extends BaseEntity {

    public static final int BODY_MAX = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    public Task task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;

    @Column(nullable = false, length = BODY_MAX)
    public String body;

    public static List<TaskComment> of(long taskId) {
        return list("task.id = ?1 order by createdAt, id", taskId);
    }
}
