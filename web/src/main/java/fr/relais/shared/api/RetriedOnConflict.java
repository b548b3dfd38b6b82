package fr.relais.shared.api;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The call is run again, a few times, when its transaction lost a race with another one (a deadlock,
 * a lock wait timeout, the engine's optimistic locking): the loser's transaction was rolled back whole,
 * so running it again is what the user would do, without the user having to. See
 * {@link ConflictRetry}. Put on the API's resources, whose methods each write in one transaction.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnConflict {}
