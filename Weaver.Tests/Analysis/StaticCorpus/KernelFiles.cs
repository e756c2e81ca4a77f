// Reading a kernel pseudo-file (/proc, /sys) is answered from memory: the .NET diagnostics client reads
// /proc/{pid}/status and /proc/{pid}/environ to find a process's socket. Look-alikes: a path that only looks like one,
// a path the caller hands in, a file on disk.
using System.IO;
using System.Threading.Tasks;

namespace Corpus.KernelFiles
{
    // case: kernel-files/a process's status and environment read through an interpolated path, in a sync helper
    public sealed class ProcessEndpoint
    {
        private readonly int _pid;
        public ProcessEndpoint(int pid) => _pid = pid;

        public async Task<string> ConnectAsync()
        {
            await Task.Yield();
            return Address(_pid);
        }

        private static string Address(int pid)
        {
            string[] status = File.ReadAllLines($"/proc/{pid}/status");
            byte[] environment = File.ReadAllBytes("/proc/" + pid + "/environ");
            return status.Length + ":" + environment.Length;
        }
    }

    // case: kernel-files/a literal, a Format, a Concat, a Combine and a local set once, read in an async method
    public static class ContainerLimits
    {
        public static async Task<int> ReadAsync(int pid)
        {
            await Task.Yield();
            string cgroup = File.ReadAllText("/proc/self/cgroup");
            string stat = File.ReadAllText(string.Format("/proc/{0}/stat", pid));
            string cpu = File.ReadAllText(Path.Combine("/sys/fs/cgroup", "cpu.max"));
            string memory = File.ReadAllText(string.Concat("/sys/fs/cgroup/", "memory.max"));
            string limits = $"/proc/{pid}/limits";
            int lines = 0;
            foreach (var line in File.ReadLines(limits)) lines++;
            return cgroup.Length + stat.Length + cpu.Length + memory.Length + lines;
        }
    }

    // case: kernel-files/paths that are not kernel files, or not known to be, still block
    public static class LookAlikes
    {
        public static async Task<int> ReadAsync(string root, string path, int pid)
        {
            await Task.Yield();
            string prefixed = File.ReadAllText($"{root}/proc/{pid}/status"); // expect: NB0001
            string processes = File.ReadAllText("/processes/list"); // expect: NB0001
            string handed = File.ReadAllText(path); // expect: NB0001
            string log = File.ReadAllText(Path.Combine("/var/log", "app.log")); // expect: NB0001
            string reassigned = "/proc/self/status";
            if (pid > 0) reassigned = path;
            string chosen = File.ReadAllText(reassigned); // expect: NB0001
            return prefixed.Length + processes.Length + handed.Length + log.Length + chosen.Length;
        }
    }
}
