package org.mailsettings.oauth2.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's Immutables style, as core declares it in its own internal package: a style
 * annotation cannot be shared across modules without exporting it, so each module declares the
 * same one. Keep them identical (core, the Jakarta Mail adapter, this module).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    // The public nested Builder delegates to the generated one instead of extending it, so that
    // no generated type shows in the API and every builder method is declared by a public class
    // (frameworks that call builders by reflection need that): it must not be mistaken for an
    // inner builder for the generated one to extend.
    typeInnerBuilder = "GeneratedInnerBuilder",
    // ... and the generated builder is made with "new", leaving builder() to the value type.
    builder = "new",
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true),
    privateNoargConstructor = true,
    optionalAcceptNullable = false,
    forceJacksonPropertyNames = false,
    allowedClasspathAnnotations = {Override.class})
public @interface ValueStyle {}
