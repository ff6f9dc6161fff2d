package org.comunidad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU time and memory of processes, read from /proc (Linux): utime + stime of
 * /proc/PID/stat in clock ticks (USER_HZ, 100 per second on Linux), and VmRSS of
 * /proc/PID/status. PostgreSQL is its postmaster and every backend under it; the
 * postmaster's cutime + cstime add the backends that ended meanwhile.
 */
final class ProcStats {

    /** USER_HZ: 100 on every Linux architecture the JDK runs on. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStats() {
    }

    /** CPU time (ns) this process used so far, or 0 when it is gone. */
    static long cpu(long pid) {
        return cpu(pid, false);
    }

    private static long cpu(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command is in parentheses and may hold spaces: fields start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the ')': state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process and everything under it (Keycloak's launch script and its JVM). */
    static long treeCpu(long pid) {
        long total = cpu(pid, true);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            total += cpu(child.pid());
        }
        return total;
    }

    /** The PostgreSQL server listening on this port: its postmaster's pid. */
    static Optional<Long> postmaster(int port) {
        return ProcessHandle.allProcesses().filter(p -> {
            String cmd = cmdline(p.pid());
            return cmd.contains("postgres") && (cmd.contains("-p " + port) || cmd.contains("-p\u0000" + port)
                    || cmd.contains("port=" + port));
        }).filter(p -> p.parent().map(parent -> !cmdline(parent.pid()).contains("postgres")).orElse(true))
                .map(ProcessHandle::pid).findFirst();
    }

    /** The postmaster and its backends (and the backends that ended since it started). */
    static long postgresCpu(long postmaster) {
        long total = cpu(postmaster, true);
        List<ProcessHandle> children = ProcessHandle.of(postmaster).map(p -> p.descendants().toList()).orElse(List.of());
        for (ProcessHandle child : children) {
            total += cpu(child.pid());
        }
        return total;
    }

    /** Resident set size in bytes, or 0. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\u0000', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The machine: CPU model, cores, memory. */
    static String machine() {
        String model = "?";
        long memKb = 0;
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException e) {
            // not Linux
        }
        return String.format("%s, %d cores, %.0f GiB", model, Runtime.getRuntime().availableProcessors(),
                memKb / 1024.0 / 1024.0);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
