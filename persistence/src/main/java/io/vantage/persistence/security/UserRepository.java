package io.vantage.persistence.security;

import java.util.Optional;

/** The people who sign in. Usernames are unique across organizations. */
public interface UserRepository {

    Optional<User> findByUsername(String username);

    Optional<User> find(long userId);

    User add(User user);
}
