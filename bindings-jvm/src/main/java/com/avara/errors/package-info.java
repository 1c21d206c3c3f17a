/**
 * The API client's exceptions: {@link com.avara.errors.AvaraException} and one subclass
 * per family of the core's error codes. Status errors extend
 * {@link com.avara.errors.ApiException}.
 */
package com.avara.errors;
