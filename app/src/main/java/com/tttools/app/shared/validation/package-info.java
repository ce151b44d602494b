/**
 * Bean Validation constraints for request records, each with the one rule hand-written checks also call.
 */
package com.tttools.app.shared.validation;
