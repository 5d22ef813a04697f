package io.vantage.agent.check;

import io.vantage.agent.log.AgentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The drop-in directory of {@code *.check} files. {@link #refresh()} lists it and compares each file's modification
 * time and size with the previous listing; only when something changed are the files read again. An invalid file
 * is logged once (again only after it changes) and skipped, so one typo does not cost the other checks.
 */
public final class CheckDirectory {

    private final Path directory;
    /** File name to "mtime/size" of the last listing; {@code null} before the first. */
    private Map<String, String> stamps;
    /** "name@stamp" of invalid files already logged. */
    private Set<String> reported = new HashSet<>();
    private boolean unreadable;

    public CheckDirectory(Path directory) {
        this.directory = directory;
    }

    public Path path() {
        return directory;
    }

    /** The definitions, in file name order, when the directory changed since the last call; else {@code null}. */
    public List<CheckDefinition> refresh() {
        Map<String, String> current;
        try {
            current = list();
            unreadable = false;
        } catch (IOException e) {
            if (!unreadable) {
                AgentLog.checksDirectoryUnreadable(directory.toString(), String.valueOf(e));
                unreadable = true;
            }
            current = Map.of();
        }
        if (current.equals(stamps)) {
            return null;
        }
        stamps = current;
        List<CheckDefinition> definitions = load(current);
        List<String> names = new ArrayList<>();
        definitions.forEach(definition -> names.add(definition.name()));
        AgentLog.checksLoaded(directory.toString(), names.size(), String.join(", ", names));
        return definitions;
    }

    private Map<String, String> list() throws IOException {
        Map<String, String> files = new TreeMap<>(); // sorted, so which of two same-named checks wins is stable
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + CheckDefinition.SUFFIX)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // hidden files are editors' and package managers' leftovers, as run-parts assumes
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.put(name, attributes.lastModifiedTime() + "/" + attributes.size());
                    }
                } catch (NoSuchFileException e) {
                    // removed while listing: the next listing no longer holds it either
                }
            }
        }
        return files;
    }

    private List<CheckDefinition> load(Map<String, String> files) {
        List<CheckDefinition> definitions = new ArrayList<>();
        Map<String, String> fileOfName = new HashMap<>();
        Set<String> stillReported = new HashSet<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String key = file.getKey() + "@" + file.getValue();
            try {
                CheckDefinition definition = CheckDefinition.parse(file.getKey(), read(file.getKey()));
                String other = fileOfName.putIfAbsent(definition.name(), file.getKey());
                if (other != null) {
                    throw new InvalidCheckException("name '" + definition.name() + "' is already used by " + other);
                }
                definitions.add(definition);
            } catch (InvalidCheckException e) {
                stillReported.add(key);
                if (!reported.contains(key)) {
                    AgentLog.checkFileInvalid(directory.resolve(file.getKey()).toString(), e.getMessage());
                }
            }
        }
        reported = stillReported; // a file fixed and broken again is reported again
        return definitions;
    }

    private String read(String fileName) throws InvalidCheckException {
        try {
            return Files.readString(directory.resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidCheckException("cannot read it: " + e);
        }
    }
}
