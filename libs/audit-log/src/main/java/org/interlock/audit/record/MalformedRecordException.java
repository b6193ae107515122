package org.interlock.audit.record;

/** Bytes that are not the canonical encoding of an audit record, with what is wrong with them. */
public class MalformedRecordException extends IllegalArgumentException {

    public MalformedRecordException(String message) {
        super(message);
    }
}
