package com.tttools.app.identity.password;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request whose password meets the {@link PasswordPolicy}; on the request type, because the policy reads the
 * email too. The problem is reported on the {@code password} field with the policy's own words.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What the constraint reads: the password and the address it belongs to. */
    interface Candidate {
        String password();

        String email();
    }

    /** A Spring-created validator (Bean Validation in Spring builds constraint validators as beans). */
    class Validator implements ConstraintValidator<AcceptablePassword, Candidate> {

        private final PasswordPolicy policy;

        public Validator(PasswordPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isValid(Candidate value, ConstraintValidatorContext context) {
            var problem = policy.check(value.password(), value.email());
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.get().replace("{", "\\{").replace("$", "\\$"))
                    .addPropertyNode("password").addConstraintViolation();
            return false;
        }
    }
}
