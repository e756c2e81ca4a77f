using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace NonBlocking.Tests.Support
{
    /// <summary>
    /// Forces the JIT to compile every method body: invalid IL fails here with InvalidProgramException
    /// (our stand-in for ILVerify, which is not installable here). Generic code is compiled for object arguments.
    /// </summary>
    internal static class Jit
    {
        public sealed class Outcome
        {
            public int Compiled;
            public int SkippedGeneric;
            public List<string> Failures { get; } = new List<string>();
        }

        private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public static Outcome CompileAll(Assembly assembly)
        {
            var outcome = new Outcome();
            foreach (var type in assembly.GetTypes())
            {
                Type[] typeArgs = type.IsGenericTypeDefinition ? Objects(type.GetGenericArguments().Length) : Type.EmptyTypes;
                foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
                {
                    if (method.IsAbstract || method.GetMethodBody() == null) continue;
                    if ((type.IsGenericTypeDefinition && !ObjectFits(type.GetGenericArguments())) ||
                        (method.IsGenericMethodDefinition && !ObjectFits(method.GetGenericArguments())))
                    {
                        outcome.SkippedGeneric++; // constraints that object does not meet
                        continue;
                    }
                    var methodArgs = method.IsGenericMethodDefinition ? Objects(method.GetGenericArguments().Length) : Type.EmptyTypes;
                    var instantiation = typeArgs.Concat(methodArgs).Select(t => t.TypeHandle).ToArray();
                    try
                    {
                        if (instantiation.Length == 0) RuntimeHelpers.PrepareMethod(method.MethodHandle);
                        else RuntimeHelpers.PrepareMethod(method.MethodHandle, instantiation);
                        outcome.Compiled++;
                    }
                    catch (ArgumentException) when (instantiation.Length > 0)
                    {
                        outcome.SkippedGeneric++; // constraints that object does not meet
                    }
                    catch (Exception e)
                    {
                        outcome.Failures.Add($"{type.FullName}.{method.Name}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
            return outcome;
        }

        private static bool ObjectFits(Type[] parameters) => parameters.All(p =>
            (p.GenericParameterAttributes & GenericParameterAttributes.NotNullableValueTypeConstraint) == 0 &&
            p.GetGenericParameterConstraints().All(c => c.IsAssignableFrom(typeof(object))));

        private static Type[] Objects(int n) => Enumerable.Repeat(typeof(object), n).ToArray();
    }
}
