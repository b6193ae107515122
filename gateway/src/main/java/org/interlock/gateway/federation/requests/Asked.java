package org.interlock.gateway.federation.requests;

import java.util.List;

/** What a request for information asks: categories of information, free-text questions, or both. */
public record Asked(List<String> categories, List<String> questions) {

    public Asked {
        categories = categories == null ? List.of() : List.copyOf(categories);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public boolean empty() {
        return categories.isEmpty() && questions.isEmpty();
    }
}
