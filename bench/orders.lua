-- wrk script: spread requests over 1,000 order ids (ids divisible by 64 always take the slow, suspending path).
math.randomseed(42)
request = function()
  return wrk.format("GET", "/orders/" .. math.random(1, 1000))
end
